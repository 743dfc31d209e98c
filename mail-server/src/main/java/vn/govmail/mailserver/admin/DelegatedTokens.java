package vn.govmail.mailserver.admin;

import java.util.Optional;

import spark.Request;

/**
 * Tokens other than the admin token that a feature hands to outside systems for a few of its own routes (e.g. the
 * eOffice client systems). {@link AdminTokenFilter} asks these only when the bearer token is not the admin token.
 */
public interface DelegatedTokens {
    /**
     * @return the actor (e.g. {@code client:qlvb}) when the token is one of these and this request is allowed to it;
     *     empty when the token is not one of these (unknown or revoked: the filter answers 401 and counts a failure)
     * @throws spark.HaltException 403 when the token is valid but this route or resource is not for it
     */
    Optional<String> authorize(String token, Request request);
}
