/**
 * proxy.ts copies each page request's path and query into this request header, so that a server
 * component sending a signed-out user to the login page can say where to come back to (server
 * components are not told their URL). The login page only accepts a path on this site.
 */
export const REQUEST_PATH_HEADER = "x-ptt-request-path";
