import Foundation
import Hummingbird

/// The stylesheet and other bundled assets, read once and served with a cache lifetime.
struct StaticController: Sendable {
    let files: [String: (ByteBuffer, String)]

    init() {
        var files: [String: (ByteBuffer, String)] = [:]
        if let dir = BundledResources.folder("static"),
           let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
            for name in names {
                guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else { continue }
                let type = name.hasSuffix(".css") ? "text/css; charset=utf-8"
                    : name.hasSuffix(".svg") ? "image/svg+xml" : "application/octet-stream"
                files[name] = (ByteBuffer(bytes: data), type)
            }
        }
        self.files = files
    }

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/static/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let (buffer, type) = files[name] else {
                throw HTTPError(.notFound)
            }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: buffer))
        }
    }
}
