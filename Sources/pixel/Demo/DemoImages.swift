import Foundation

/// Small generated "images" for the demo: binary PGM files (a valid, header-plus-pixels image
/// format that needs no encoder) with a gradient, each a few KB, in a fresh temporary directory.
enum DemoImages {
    struct Written {
        var base: URL
        var files: [URL]
    }

    static func write(count: Int, side: Int = 96) throws -> Written {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        var files: [URL] = []
        for index in 1...count {
            var data = Data("P5\n\(side) \(side)\n255\n".utf8)
            for y in 0..<side {
                for x in 0..<side { data.append(UInt8(truncatingIfNeeded: x * 2 + y + index * 40)) }
            }
            let url = base.appendingPathComponent("demo-\(index).pgm")
            try data.write(to: url)
            files.append(url)
        }
        return Written(base: base, files: files)
    }
}
