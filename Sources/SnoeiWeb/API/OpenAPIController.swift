import Foundation
import Hummingbird

/// Serves the API's OpenAPI 3.1 description (Resources/api/openapi.json), public like a
/// login page: it describes the API, it holds no data.
struct OpenAPIController: Sendable {
    let document: ByteBuffer

    init() {
        let url = BundledResources.folder("api")?.appendingPathComponent("openapi.json")
        document = ByteBuffer(bytes: url.flatMap { FileManager.default.contents(atPath: $0.path) } ?? Data())
    }

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: document))
        }
    }
}
