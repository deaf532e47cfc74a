import Foundation

/// Serialises a ``GraphSnapshot`` for other tools.
public enum GraphExport {
    /// Pretty, key-sorted JSON: `{"nodes": [{label, id, properties}], "relationships": [{type, from, to, properties}]}`.
    public static func json(_ snapshot: GraphSnapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(snapshot)
    }

    /// GraphML 1.0 (yEd, Gephi, NetworkX): node ids are `Label:id`, the label is the `label` data key, the
    /// relationship type the `type` key; property keys are declared with the GraphML type of their values
    /// (`long`, `double`, `boolean`, or `string` when mixed).
    /// - Complexity: O(n + r) plus sorting the keys.
    public static func graphML(_ snapshot: GraphSnapshot) -> String {
        let nodeKeys = keyTypes(snapshot.nodes.map(\.properties))
        let edgeKeys = keyTypes(snapshot.relationships.map(\.properties))
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="type" for="edge" attr.name="type" attr.type="string"/>

            """
        for (key, type) in nodeKeys {
            out += "  <key id=\"n_\(escape(key))\" for=\"node\" attr.name=\"\(escape(key))\" attr.type=\"\(type)\"/>\n"
        }
        for (key, type) in edgeKeys {
            out += "  <key id=\"e_\(escape(key))\" for=\"edge\" attr.name=\"\(escape(key))\" attr.type=\"\(type)\"/>\n"
        }
        out += "  <graph id=\"graphwiz\" edgedefault=\"directed\">\n"
        for node in snapshot.nodes {
            out += "    <node id=\"\(escape(node.label + ":" + node.id))\">"
            out += "<data key=\"label\">\(escape(node.label))</data>"
            out += data(node.properties, prefix: "n_")
            out += "</node>\n"
        }
        for (index, edge) in snapshot.relationships.enumerated() {
            out += "    <edge id=\"e\(index)\" source=\"\(escape(edge.from.label + ":" + edge.from.id))\" "
            out += "target=\"\(escape(edge.to.label + ":" + edge.to.id))\">"
            out += "<data key=\"type\">\(escape(edge.type))</data>"
            out += data(edge.properties, prefix: "e_")
            out += "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func data(_ properties: [String: GraphValue], prefix: String) -> String {
        properties.keys.sorted().compactMap { key in
            let value = properties[key]!
            if value == .null { return nil }
            return "<data key=\"\(prefix)\(escape(key))\">\(escape(value.description))</data>"
        }.joined()
    }

    /// GraphML type per property key, sorted by key.
    static func keyTypes(_ maps: [[String: GraphValue]]) -> [(String, String)] {
        var types: [String: String] = [:]
        for map in maps {
            for (key, value) in map {
                let type: String
                switch value {
                case .null: continue
                case .bool: type = "boolean"
                case .int: type = "long"
                case .double: type = "double"
                case .string: type = "string"
                }
                if let existing = types[key], existing != type {
                    types[key] = (Set([existing, type]) == ["long", "double"]) ? "double" : "string"
                } else {
                    types[key] = type
                }
            }
        }
        return types.keys.sorted().map { ($0, types[$0]!) }
    }

    /// XML text with `& < > " '` escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
