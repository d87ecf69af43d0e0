/// `vfm columns` for a spending-survey pipeline: every column a response may hold, with
/// the questionnaire's wordings accepted as its header (SPEC §12, study Appendix 1), from
/// the one catalogue the reader uses (`SurveyColumns`).
package enum SurveyColumnGuide {
    package static func text(missingWords: [String]) -> String {
        var lines = ["The commissioners' national spending survey (study Section 4): one row per response.",
                     "Headers are matched ignoring case, spaces and punctuation.", ""]
        func kind(_ kind: SurveyCellKind) -> String {
            switch kind {
            case .text: return "text"
            case .money: return "money (£)"
            case .yesNo: return "yes/no"
            case .rank: return "rank 1-7 (1 = most important; blank = does not apply)"
            case .proportion: return "proportion (45%, 45 % or 45)"
            case .choice(let choices):
                return choices.map { choice in
                    ([choice.canonical] + choice.wordings.filter { $0 != choice.canonical }.sorted().map { "\"\($0)\"" })
                        .joined(separator: " / ")
                }.joined(separator: "; ")
            }
        }
        for column in SurveyColumns.leading {
            lines.append("\(column.name)  —  \(kind(column.kind))\(column.name == "authority" ? ", required" : "")")
            if !column.headers.isEmpty { lines.append("    also: " + column.headers.joined(separator: ", ")) }
        }
        lines.append("spend_<stream>_<yyyy>_<yy>  —  money (£), Q2a; stream social_care, health or combined")
        lines.append("    also: the stream's words, optionally `budget`, and the year in any form, either order")
        lines.append("    (Social Care budget 2011-12, Combined 2012/13, 2010/11 Health budget); two or more")
        lines.append("    consecutive years a stream")
        for column in SurveyColumns.trailing where !column.name.hasPrefix("breakdown_") || column.headers.count > 0 {
            lines.append("\(column.name)  —  \(kind(column.kind))")
            if !column.headers.isEmpty { lines.append("    also: " + column.headers.joined(separator: ", ")) }
        }
        lines.append("breakdown_<type>_<client>  —  money (£), Q2b in the year before the last; type "
            + Breakdown.types.joined(separator: ", ") + "; client " + Breakdown.clients.joined(separator: ", "))
        lines += ["", "Yes/no cells read " + AnswerText.yesWords.joined(separator: ", ") + " and "
            + AnswerText.noWords.joined(separator: ", ") + ".",
                  "Read as missing (never no or 0): " + missingWords.map { "\"\($0)\"" }.joined(separator: ", ")
            + "; in pb_use, unknown and don't know are the answer unknown.", ""]
        return lines.joined(separator: "\n")
    }
}
