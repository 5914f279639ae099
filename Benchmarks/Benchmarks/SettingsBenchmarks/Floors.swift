import Benchmark
import CLibYAML
import Foundation

/// What a cold resolution cannot go below on this machine, measured in the same run: libyaml
/// alone turning the YAML fixture into events (no tree, no settings work), and the system calls
/// that read the two fixture files. The cold-resolution figures are reported against these.
func floorBenchmarks(_ fixtures: Fixtures) {
    let yamlBytes = Array((try? Data(contentsOf: URL(fileURLWithPath: fixtures.directory + "/pixel.yaml"))) ?? Data())
    precondition(!yamlBytes.isEmpty, "fixture pixel.yaml missing")
    let paths = [fixtures.directory + "/.env", fixtures.directory + "/pixel.yaml"]

    Benchmark("Floor: libyaml events for the 45-key YAML, nothing else") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(libyamlEventCount(yamlBytes)) }
    }

    Benchmark("Floor: open + fstat + read + close of .env and pixel.yaml") { benchmark in
        for _ in benchmark.scaledIterations {
            for path in paths { blackHole(readWithPlainSyscalls(path)) }
        }
    }
}

/// Parses `bytes` with libyaml's event API and counts the events; -1 on a parse error.
func libyamlEventCount(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return -1 }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        yaml_parser_set_input_string(&parser, base, buffer.count)
        var count = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return -1 }
            count += 1
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if done { return count }
        }
    }
}

/// Reads a small file with the four system calls any reader needs; returns the byte count.
func readWithPlainSyscalls(_ path: String) -> Int {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return -1 }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return -1 }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8192) { buffer in
        read(descriptor, buffer.baseAddress, buffer.count)
    }
}
