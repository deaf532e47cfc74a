import Yams

/// Finds where a key path came from: a line of the file, or an environment override.
struct ConfigLocator {
    /// The file name used in locations.
    let source: String
    /// The overridden key paths (display form) and the variables that set them.
    let overrides: [String: String]
    /// The user's tree (after overrides), to find the line of a path.
    let root: Node?

    /// `environment VAR` for an overridden path, `source:line` when the node has a mark, else `source`.
    func location(of node: Node?, path: [String]) -> String {
        var prefix = path
        while !prefix.isEmpty {
            if let variable = overrides[ConfigPath.display(prefix)] { return "environment \(variable)" }
            prefix.removeLast()
        }
        if let line = (node ?? find(path))?.mark?.line { return "\(source):\(line)" }
        return source
    }

    /// The node at a path of keys and `[i]` indices.
    func find(_ path: [String]) -> Node? {
        var node = root
        for component in path {
            if component.hasPrefix("["), let i = Int(component.dropFirst().dropLast()),
               case .sequence(let s)? = node, i < s.count {
                node = s[i]
            } else if case .mapping(let m)? = node {
                node = m[component]
            } else {
                return nil
            }
        }
        return node
    }
}
