/// Search. `intersects` (WKT) is approximated by bounding boxes: every coordinate pair in the
/// WKT text spans one box, compared with the box of the item's GeoJSON geometry (`area_of_interest`
/// for projects, `location` for images). Items without geometry never intersect.
extension TenantData {
    static let searchTargets: Set<String> = ["images", "rasters", "point_clouds", "projects", "data_collections"]

    func search(_ body: BodyReader, limits: PageLimits) throws(APIError) -> JSONValue {
        let on = try body.requiredString("on")
        guard Self.searchTargets.contains(on) else {
            throw .validation(["body", "on"], "Input should be 'images', 'rasters', 'point_clouds', 'projects' or 'data_collections'", type: "enum")
        }
        var items: [JSONObject]
        switch on {
        case "projects": items = projects.values.filter(isLive)
        case "data_collections": items = dataCollections.values.filter(isLive)
        default:
            let kind: ResourceKind = on == "images" ? .image : on == "rasters" ? .raster : .pointCloud
            items = (resources[kind] ?? [:]).values.filter { item in
                guard let collectionID = item["data_collection_id"]?.intValue, let collection = dataCollections[collectionID],
                    isLive(collection), let projectID = collection["project_id"]?.intValue, let project = projects[projectID]
                else { return false }
                return isLive(project)
            }
        }
        items.sort(by: byID)
        if let filter = body.members["filter"], !filter.isNull {
            let parsed = try SearchFilter.parse(filter, location: ["body", "filter"])
            items = items.filter(parsed.matches)
        }
        if let text = try body.string("search"), !text.isEmpty {
            let needle = text.lowercased()
            items = items.filter { item in
                ["name", "description", "file_name"].contains { (item[$0]?.stringValue ?? "").lowercased().contains(needle) }
            }
        }
        if let wkt = try body.string("intersects") {
            guard let box = BoundingBox(wkt: wkt) else { throw .validation(["body", "intersects"], "intersects must be WKT with coordinates") }
            items = items.filter { item in
                let geometry = item["area_of_interest"] ?? item["location"] ?? .null
                return BoundingBox(geoJSON: geometry).map(box.intersects) ?? false
            }
        }
        for sort in (try body.objectList("sort") ?? []).reversed() {
            let field = try sort.requiredString("field")
            let direction = try sort.string("direction") ?? "asc"
            guard direction == "asc" || direction == "desc" else {
                throw .validation(sort.location + ["direction"], "Input should be 'asc' or 'desc'", type: "enum")
            }
            // Stable sort, applied last key first, gives multi-key ordering.
            items = items.enumerated().sorted { lhs, rhs in
                let order = SearchFilter.order(SearchFilter.lookup(field, in: lhs.element), SearchFilter.lookup(field, in: rhs.element)) ?? 0
                if order == 0 { return lhs.offset < rhs.offset }
                return direction == "asc" ? order < 0 : order > 0
            }.map(\.element)
        }
        var results = items.map(JSONValue.object)
        if let fields = try body.stringList("out_fields"), !fields.isEmpty {
            results = items.map { item in .object(item.filter { fields.contains($0.key) }) }
        }
        if try body.bool("distinct") == true {
            var seen: Set<JSONValue> = []
            results = results.filter { seen.insert($0).inserted }
        }
        let offset = try body.int("offset") ?? 0
        let requested = try body.int("limit")
        guard offset >= 0 else { throw .validation(["body", "offset"], "Input should be greater than or equal to 0") }
        if let requested, requested < 0 { throw .validation(["body", "limit"], "Input should be greater than or equal to 0") }
        let page = Array(results.dropFirst(offset).prefix(limits.limit(requested)))
        return ["count": .int(page.count), "results": .array(page), "total_count": .int(results.count)]
    }

    static func searchInfo(on: String?) throws(APIError) -> JSONValue {
        guard let on else { throw .missing(["query", "on"]) }
        guard searchTargets.contains(on) else { throw .validation(["query", "on"], "Unknown search target '\(on)'", type: "enum") }
        return [
            "on": .string(on),
            "operators": .array(SearchFilter.operators.sorted().map(JSONValue.string) + ["and", "or"]),
            "filterable_fields": ["id", "name", "description", "tags", "created_at", "updated_at", "project_id", "data_collection_id"],
            "output_fields": ["id", "name", "description", "tags", "created_at", "updated_at", "project_id", "data_collection_id"],
            "capabilities": ["intersects": "bounding-box approximation", "search": "case-insensitive substring of name/description"],
        ]
    }
}

/// An axis-aligned box in lon/lat.
struct BoundingBox: Sendable {
    var minX, minY, maxX, maxY: Double

    init?(points: [(Double, Double)]) {
        guard let first = points.first else { return nil }
        (minX, minY, maxX, maxY) = (first.0, first.1, first.0, first.1)
        for (x, y) in points.dropFirst() {
            minX = min(minX, x)
            maxX = max(maxX, x)
            minY = min(minY, y)
            maxY = max(maxY, y)
        }
    }

    /// Every number pair in the WKT text (`POLYGON((1 2, 3 4, …))`, `POINT(1 2)`).
    init?(wkt: String) {
        var numbers: [Double] = []
        var current = ""
        for character in wkt + " " {
            if character.isNumber || character == "." || character == "-" || character == "e" || character == "E" || character == "+" {
                current.append(character)
            } else {
                if !current.isEmpty {
                    guard let number = Double(current) else { return nil }
                    numbers.append(number)
                    current = ""
                }
            }
        }
        guard !numbers.isEmpty, numbers.count % 2 == 0 else { return nil }
        self.init(points: stride(from: 0, to: numbers.count, by: 2).map { (numbers[$0], numbers[$0 + 1]) })
    }

    init?(geoJSON: JSONValue) {
        var points: [(Double, Double)] = []
        func collect(_ value: JSONValue) {
            guard let items = value.arrayValue else { return }
            if items.count >= 2, let x = items[0].doubleValue, let y = items[1].doubleValue {
                points.append((x, y))
            } else {
                items.forEach(collect)
            }
        }
        collect(geoJSON["coordinates"] ?? .null)
        self.init(points: points)
    }

    func intersects(_ other: BoundingBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }
}
