import HTTPTypes
import PixelEmulator
import Testing

struct PluginTests {
    @Test func everyListedPluginIsServed() async throws {
        try await withRouter { api in
            let plugins = try await api.ok(.get, "/plugins/")
            let names = plugins.strings("name")
            #expect(names == ["optimized_raster", "image_service"])
            let dc = try await api.makeCollection(type: "raster")
            // Each plugin's own routes answer.
            let routes = ["optimized_raster": dc + "/rasters/optimized/", "image_service": "/arcgis_services/Image/"]
            for name in names {
                let path = try #require(routes[name], "a route for plugin \(name)")
                #expect(try await api.get(path).status == 200, "\(name): GET \(path)")
            }
            #expect(plugins.arrayValue?.last?["depends_on"] == ["optimized_raster"])
        }
    }
}
