public import SnoeiCore

/// Who is asking: the signed-in user, and how they proved it.
public struct Identity: Sendable {
    public enum Proof: Sendable { case session, bearerToken }
    public let user: UserRecord
    public let proof: Proof
    /// The session's synchronizer token (forms carry it back); nil for bearer tokens,
    /// which browsers never send on their own and so need no CSRF protection.
    public let csrfToken: String?

    /// The identity of the request being handled, set by `AuthMiddleware` around the
    /// handler. A task-local rather than a field of a custom request context so that page
    /// chrome and controllers read it without every handler threading the context through;
    /// it is only ever set by the middleware, and unset outside a request.
    @TaskLocal public static var current: Identity?

    /// The name that goes into the audit trail ("who decided").
    public var actorName: String { user.displayName }
}
