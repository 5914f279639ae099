import FuzzSupport
import Settings

/// Every input is a YAML settings file, read with the default limits and with small ones (so
/// the depth and alias budgets are reached by short inputs).
///
/// Promises checked beyond "no crash, no hang, bounded memory":
/// - an accepted document has at most `maxNodes` nodes (aliases counted at every use) and
///   nests at most `maxDepth` collections;
/// - every node and every error location lies inside the input;
/// - `parseMapping` accepts exactly the documents whose root is a mapping.
@c(LLVMFuzzerTestOneInput)
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    for limits in [YAMLLimits(), YAMLLimits(maxDepth: 6, maxNodes: 64, maxBytes: 8_192)] {
        let parsed = Result { () throws(SettingsFileError) in try YAMLDocument.parse(bytes, file: "f.yaml", limits: limits) }
        let mapping = Result { () throws(SettingsFileError) in try YAMLDocument.parseMapping(bytes, file: "f.yaml", limits: limits) }
        switch parsed {
        case .success(let root?):
            var nodes = 0
            visit(root, depth: 0, bytes: bytes, limits: limits, nodes: &nodes)
            invariant(nodes <= limits.maxNodes, "\(nodes) nodes accepted with a limit of \(limits.maxNodes)")
            if case .mapping = root.kind {
                invariant((try? mapping.get()) == root, "parseMapping refused a mapping root")
            } else {
                invariant((try? mapping.get()) == nil, "parseMapping accepted a root that is not a mapping")
            }
        case .success(nil):
            invariant((try? mapping.get()) == .some(nil), "parseMapping disagrees about an empty document")
        case .failure(let error):
            invariant(error.format == .yaml, "a YAML error of another format")
            checkLocation(error.location, file: "f.yaml", in: bytes, "error \(error)")
            invariant((try? mapping.get()) == nil, "parseMapping accepted what parse refused")
        }
    }
    return 0
}

private func visit(_ node: YAMLNode, depth: Int, bytes: [UInt8], limits: YAMLLimits, nodes: inout Int) {
    nodes += 1
    checkLocation(node.location, file: "f.yaml", in: bytes, "a \(node.kindName) node")
    switch node.kind {
    case .scalar:
        break
    case .sequence(let items):
        invariant(depth < limits.maxDepth, "nesting deeper than \(limits.maxDepth) accepted")
        for item in items { visit(item, depth: depth + 1, bytes: bytes, limits: limits, nodes: &nodes) }
    case .mapping(let entries):
        invariant(depth < limits.maxDepth, "nesting deeper than \(limits.maxDepth) accepted")
        var keys = Set<String>()
        for entry in entries {
            guard case .scalar(let key, _) = entry.key.kind else {
                invariant(false, "a mapping key that is not a scalar was accepted")
                return
            }
            invariant(keys.insert(key).inserted, "the duplicate key \(key) was accepted")
            visit(entry.key, depth: depth + 1, bytes: bytes, limits: limits, nodes: &nodes)
            visit(entry.value, depth: depth + 1, bytes: bytes, limits: limits, nodes: &nodes)
        }
    }
}
