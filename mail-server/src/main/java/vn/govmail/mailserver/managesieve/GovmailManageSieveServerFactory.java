package vn.govmail.mailserver.managesieve;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.managesieve.core.CoreProcessor;
import org.apache.james.managesieve.jsieve.Parser;
import org.apache.james.managesieve.transcode.ArgumentParser;
import org.apache.james.managesieveserver.netty.ManageSieveServerFactory;
import org.apache.james.protocols.lib.netty.AbstractConfigurableAsyncServer;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.UsersRepository;

/**
 * Builds {@link GovmailManageSieveServer}s from managesieveserver.xml instead of James's. Bound in place of
 * {@link ManageSieveServerFactory} so James's Guice module (start-up, certificate reload) keeps driving it.
 */
public class GovmailManageSieveServerFactory extends ManageSieveServerFactory {
    /** The line length limit James's factory gives its servers. */
    private static final int MAX_LINE_LENGTH = 8000;

    private FileSystem fileSystem;
    private SieveRepository sieveRepository;
    private UsersRepository usersRepository;
    private Parser sieveParser;

    @Inject
    @Override
    public void setFileSystem(FileSystem fileSystem) {
        super.setFileSystem(fileSystem);
        this.fileSystem = fileSystem;
    }

    @Inject
    @Override
    public void setSieveRepository(SieveRepository sieveRepository) {
        super.setSieveRepository(sieveRepository);
        this.sieveRepository = sieveRepository;
    }

    @Inject
    @Override
    public void setUsersRepository(UsersRepository usersRepository) {
        super.setUsersRepository(usersRepository);
        this.usersRepository = usersRepository;
    }

    @Inject
    @Override
    public void setParser(Parser sieveParser) {
        super.setParser(sieveParser);
        this.sieveParser = sieveParser;
    }

    @Override
    protected List<AbstractConfigurableAsyncServer> createServers(HierarchicalConfiguration<ImmutableNode> config) throws Exception {
        GovmailManageSieveProcessor processor = new GovmailManageSieveProcessor(
            new ArgumentParser(new CoreProcessor(sieveRepository, usersRepository, sieveParser)));
        List<AbstractConfigurableAsyncServer> servers = new ArrayList<>();
        for (HierarchicalConfiguration<ImmutableNode> serverConfig : config.configurationsAt("managesieveserver")) {
            GovmailManageSieveServer server = new GovmailManageSieveServer(MAX_LINE_LENGTH, processor);
            server.setFileSystem(fileSystem);
            server.configure(serverConfig);
            servers.add(server);
        }
        return servers;
    }
}
