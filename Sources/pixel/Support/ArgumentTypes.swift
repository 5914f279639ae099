import ArgumentParser
import Foundation
import PixelClient

/// `--bbox 10,59,11,60`: a rectangular area of interest as min-lon,min-lat,max-lon,max-lat.
struct BoundingBox: ExpressibleByArgument, Sendable {
    var minLon: Double, minLat: Double, maxLon: Double, maxLat: Double

    init?(argument: String) {
        let numbers = argument.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, numbers[0] < numbers[2], numbers[1] < numbers[3] else { return nil }
        (minLon, minLat, maxLon, maxLat) = (numbers[0], numbers[1], numbers[2], numbers[3])
    }

    /// The closed exterior ring, counter-clockwise.
    var polygon: GeoJSONPolygon {
        GeoJSONPolygon(exterior: [(minLon, minLat), (maxLon, minLat), (maxLon, maxLat), (minLon, maxLat)])
    }
}

/// `--add-tag` / `--remove-tag`, shared by every update command.
struct TagChanges: ParsableArguments {
    @Option(name: .customLong("add-tag"), help: "Add this tag (repeatable).") var add: [String] = []
    @Option(name: .customLong("remove-tag"), help: "Remove this tag (repeatable).") var remove: [String] = []

    var additions: [String]? { add.isEmpty ? nil : add }
    var removals: [String]? { remove.isEmpty ? nil : remove }
}

/// `--type image`: a data-collection type by its API name (`image`, `raster`, `RGB`, `DTM`,
/// `DSM`, `point_cloud`).
struct CollectionTypeArgument: ExpressibleByArgument, Sendable {
    var type: DataCollectionType

    init?(argument: String) {
        let type = DataCollectionType(rawValue: argument)
        if case .unknown = type { return nil }
        self.type = type
    }

    static var allValueStrings: [String] {
        [DataCollectionType.image, .raster, .rgb, .dtm, .dsm, .pointCloud].map(\.rawValue)
    }
}

/// `--metadata key=value`: one JSON metadata entry. The value is sent as a number when it reads
/// as one, as null for `null`, and as text otherwise.
struct MetadataEntry: ExpressibleByArgument, Sendable {
    var key: String
    var value: JSONValue

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        key = String(argument[..<equals])
        let text = String(argument[argument.index(after: equals)...])
        if text == "null" {
            value = .null
        } else if let number = Double(text), number.isFinite {
            value = .number(number)
        } else {
            value = .string(text)
        }
    }
}

