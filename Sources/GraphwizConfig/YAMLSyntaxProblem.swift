import Yams

/// A YAML syntax error as a problem that names the line and column but never quotes the text (the
/// expanded text may hold secrets).
enum YAMLSyntaxProblem {
    static func problem(_ error: any Error, source: String) -> ConfigProblem {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _)?, let .parser(context, problem, mark, _)?,
             let .composer(context, problem, mark, _)?:
            let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ConfigProblem(location: "\(source):\(mark.line)",
                                 message: "not valid YAML at column \(mark.column): \(problem)\(while_)")
        case let .reader(problem, offset, _, _)?:
            return ConfigProblem(location: source, message: "not valid YAML text: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return ConfigProblem(location: source, message: "not valid YAML")
        }
    }
}
