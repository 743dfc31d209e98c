package vn.govmail.mailserver.managesieve;

import org.apache.james.managesieve.transcode.ManageSieveProcessor;
import org.apache.james.managesieveserver.netty.ManageSieveServer;
import org.apache.james.protocols.netty.AbstractChannelPipelineFactory;
import org.apache.james.protocols.netty.ChannelHandlerFactory;

import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * James's ManageSieve server with a framer that works after STARTTLS ({@link ManageSieveStartTlsFramer}) and a core
 * handler that repeats the capabilities once TLS is up ({@link StartTlsCapabilitiesHandler}).
 */
final class GovmailManageSieveServer extends ManageSieveServer {
    private final int maxLineLength;
    private final ManageSieveProcessor processor;

    GovmailManageSieveServer(int maxLineLength, ManageSieveProcessor processor) {
        super(maxLineLength, processor);
        this.maxLineLength = maxLineLength;
        this.processor = processor;
    }

    @Override
    protected ChannelInboundHandlerAdapter createCoreHandler() {
        return new StartTlsCapabilitiesHandler(processor, getEncryption(), maxLineLength);
    }

    @Override
    protected ChannelHandlerFactory createFrameHandlerFactory() {
        return pipeline -> new ManageSieveStartTlsFramer(pipeline, AbstractChannelPipelineFactory.MAX_LINE_LENGTH);
    }
}
