// The FuzzYAML fuzzer: libFuzzer's own `main` (linked in by -sanitize=fuzzer) runs the
// LLVMFuzzerTestOneInput that the YAMLHarness module defines. This executable target is C so that
// SwiftPM adds no Swift entry point that would replace libFuzzer's `main`.
