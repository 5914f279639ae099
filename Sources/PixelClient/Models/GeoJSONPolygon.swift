/// A GeoJSON Polygon (RFC 7946 §3.1.6), the shape of a project's `area_of_interest`.
///
/// ```swift
/// let area = GeoJSONPolygon(exterior: [(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0)])
/// // {"type":"Polygon","coordinates":[[[10,59],[11,59],[11,60],[10,60],[10,59]]]}
/// ```
public struct GeoJSONPolygon: Codable, Hashable, Sendable {
    /// Linear rings of `[longitude, latitude]` positions; the first is the exterior, the rest holes.
    public var coordinates: [[[Double]]]
    /// Optional bounding box `[minX, minY, maxX, maxY]`; sent only when set.
    public var bbox: [Double]?

    /// A polygon from rings of positions (each closed by repeating its first position).
    public init(coordinates: [[[Double]]], bbox: [Double]? = nil) {
        self.coordinates = coordinates
        self.bbox = bbox
    }

    /// A polygon with one exterior ring of `(x, y)` points; the ring is closed for you.
    public init(exterior points: [(Double, Double)]) {
        var ring = points.map { [$0.0, $0.1] }
        if let first = ring.first, ring.last != first { ring.append(first) }
        self.init(coordinates: [ring])
    }

    private enum CodingKeys: String, CodingKey { case type, coordinates, bbox }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        guard type == "Polygon" else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "Expected a GeoJSON Polygon, got \(type)")
        }
        coordinates = try container.decode([[[Double]]].self, forKey: .coordinates)
        bbox = try container.decodeIfPresent([Double].self, forKey: .bbox)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("Polygon", forKey: .type)
        try container.encode(coordinates, forKey: .coordinates)
        try container.encodeIfPresent(bbox, forKey: .bbox)
    }
}
