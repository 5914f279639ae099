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

/// `--json-arg '{"k": 1}'`-style options: a JSON value given on the command line.
struct JSONArgument: ExpressibleByArgument, Sendable {
    var value: JSONValue

    init?(argument: String) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(argument.utf8)) else { return nil }
        self.value = value
    }

    /// The value as a JSON object, or a usage error naming `option`.
    func object(_ option: String) throws -> [String: JSONValue] {
        guard case .object(let object) = value else { throw ValidationError("\(option) must be a JSON object.") }
        return object
    }

    /// `value` decoded as `type`, or a usage error naming `option`.
    func decode<T: Decodable>(_ type: T.Type, _ option: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value))
        } catch {
            throw ValidationError("\(option) does not have the expected shape: \(error)")
        }
    }
}

/// `--no-wait` and `--timeout`: whether and how long a command waits for the jobs it starts.
struct WaitOptions: ParsableArguments {
    @Flag(name: .customLong("no-wait"), help: "Return at once instead of waiting for the job.") var noWait = false
    @Option(help: ArgumentHelp("Give up waiting after this many seconds.", valueName: "seconds")) var timeout: Int?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
        if noWait, timeout != nil { throw ValidationError("--timeout goes with waiting; leave out --no-wait.") }
    }

    /// The wait, `nil` with --no-wait; `defaultSeconds` when no --timeout is given.
    func wait(defaultSeconds: Int) -> JobWait? {
        noWait ? nil : JobWait(timeout: .seconds(timeout ?? defaultSeconds))
    }
}

/// `--all` or `--id N …`: which objects a command applies to, never an empty list meaning all.
struct SelectionOptions: ParsableArguments {
    @Flag(help: "Every one in the data collection.") var all = false
    @Option(name: .customLong("id"), help: ArgumentHelp("Only this id (repeatable).", valueName: "id")) var ids: [Int] = []

    func validate() throws {
        guard all != !ids.isEmpty else { throw ValidationError("Give either --all or at least one --id.") }
    }

    func selection<Tag>() -> Selection<PixelID<Tag>> {
        all ? .all : .only(ids.map { PixelID($0) })
    }
}
