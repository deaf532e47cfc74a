import Foundation
import Hummingbird
import NIOCore

/// The dashboard's files (HTML, JS, CSS) and the OpenAPI document, read once from the bundle.
struct DashboardAssets: Sendable {
    /// A file with its content type.
    struct Asset: Sendable {
        var bytes: ByteBuffer
        var contentType: String
    }

    /// Path under `/` → asset.
    let files: [String: Asset]

    /// Loads `Resources/dashboard/*` and `Resources/openapi.json`; a missing file is a packaging error.
    static func load() throws(APIConfigurationError) -> DashboardAssets {
        let wanted: [(route: String, file: String, type: String)] = [
            ("/", "dashboard/index.html", "text/html; charset=utf-8"),
            ("/dashboard/app.js", "dashboard/app.js", "text/javascript; charset=utf-8"),
            ("/dashboard/charts.js", "dashboard/charts.js", "text/javascript; charset=utf-8"),
            ("/dashboard/style.css", "dashboard/style.css", "text/css; charset=utf-8"),
            (APIVersion.prefix + "/openapi.json", "openapi.json", "application/json; charset=utf-8"),
        ]
        var files: [String: Asset] = [:]
        for item in wanted {
            let file = item.file as NSString
            let directory = ("Resources/" + item.file as NSString).deletingLastPathComponent
            guard let url = Bundle.module.url(forResource: (file.lastPathComponent as NSString).deletingPathExtension,
                                              withExtension: file.pathExtension, subdirectory: directory),
                  let data = try? Data(contentsOf: url) else {
                throw APIConfigurationError("TradingAPI bundle: Resources/\(item.file) is missing; the package resources were not copied")
            }
            files[item.route] = Asset(bytes: ByteBuffer(bytes: data), contentType: item.type)
        }
        return DashboardAssets(files: files)
    }

    /// Serves every asset on its route.
    func register(on router: Router<APIRequestContext>) {
        for (route, asset) in files {
            router.get(RouterPath(route)) { _, _ in
                Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                         body: .init(byteBuffer: asset.bytes))
            }
        }
    }
}
