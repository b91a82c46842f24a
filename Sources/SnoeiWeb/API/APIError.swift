import Hummingbird
import SnoeiCore

/// Every API error has the same body: `{"error": {"status": 404, "code": "not_found",
/// "message": "…"}}`, so a client handles errors in one place.
enum APIError {
    static func response(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.beginObject("error")
        w.int("status", status.code)
        w.string("code", code)
        w.string("message", message)
        w.endObject()
        w.endObject()
        return APIResponse.json(w.output, status: status)
    }
}

enum APIResponse {
    static func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// The API's routes and the action each performs (see `RouteAccess` for the pages).
enum APIRoutes {
    static let rules: [RouteAccess.Rule] = [
        RouteAccess.rule(.get, "/api/v1/me", .viewCustomer),
        RouteAccess.rule(.get, "/api/v1/analysis", .viewPortfolio),
        RouteAccess.rule(.get, "/api/v1/customers", .viewCustomer),
        RouteAccess.rule(.get, "/api/v1/customers/:customer", .viewCustomer),
        RouteAccess.rule(.get, "/api/v1/customers/:customer/decisions", .viewCustomer),
        RouteAccess.rule(.post, "/api/v1/customers/:customer/decisions", .decide),
        RouteAccess.rule(.get, "/api/v1/decisions", .viewCustomer),
        RouteAccess.rule(.post, "/api/v1/imports", .importLedger),
    ]

    static func match(_ method: HTTPRequest.Method, _ path: String) -> (rule: RouteAccess.Rule, customerId: String?)? {
        RouteAccess.match(method, path, in: rules)
    }
}
