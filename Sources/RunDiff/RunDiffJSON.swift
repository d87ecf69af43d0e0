import Tabular

/// `vfm-diff --format json`: the same content as the Markdown, for scripts and CI gates,
/// in the shape of `Fixtures/diff/vfm-diff.schema.json`. Keys are sorted (UTF-8 bytes),
/// arrays keep the Markdown's order, numbers are the full-precision values of the run
/// files (as `NumberFormatting.csv` writes them) and `old_text`/`new_text` are what the
/// report prints. Missing is `null`.
public enum RunDiffJSON {
    public static func document(_ comparison: RunComparison) -> DeterministicJSON {
        .object([
            "differences": .bool(comparison.hasDifferences),
            "period_pairing": comparison.periodPairing.map {
                .object(["old": .string($0.old), "new": .string($0.new)])
            } ?? .null,
            "threshold": threshold(comparison.options.threshold),
            "services": services(comparison),
            "rejects": .object(["new": .array(comparison.rejects.new.map(reject)),
                                "resolved": .array(comparison.rejects.resolved.map(reject)),
                                "unchanged": .integer(comparison.rejects.unchangedCount)]),
            "flags": .object(["new": .array(comparison.flags.new.map(flag)),
                              "resolved": .array(comparison.flags.resolved.map(flag)),
                              "unchanged": .integer(comparison.flags.unchangedCount)]),
            "figures": .array(comparison.headline.flatMap { table in table.changed.map { figure(table.table, $0) } }),
            "tables": .array(comparison.headline.map(table)),
            "benchmark": .array(comparison.benchmark.changed.map(benchmark)),
            "correlations": .array(correlations(comparison.correlations)),
            "provenance": .object(["old": comparison.old.manifest.json, "new": comparison.new.manifest.json,
                                   "pipelines_differ": .bool(comparison.pipelinesDiffer),
                                   "tool_versions_differ": .bool(comparison.toolVersionsDiffer)]),
        ])
    }

    static func threshold(_ threshold: DiffThreshold) -> DeterministicJSON {
        switch threshold {
        case .printed: return .object(["kind": .string("printed"), "tolerance": .null])
        case .relative(let tolerance): return .object(["kind": .string("relative"), "tolerance": .number(tolerance)])
        case .any: return .object(["kind": .string("all"), "tolerance": .null])
        }
    }

    static func number(_ value: Double?) -> DeterministicJSON { value.map { .number($0) } ?? .null }
    static func text(_ value: String?) -> DeterministicJSON { value.map { .string($0) } ?? .null }

    /// A cell of a run file: a number when it reads as one, text otherwise, `null` when empty.
    static func cell(_ value: String) -> DeterministicJSON {
        if value.isEmpty { return .null }
        if let number = Double(value), number.isFinite, value.first != "+" { return .number(number) }
        return .string(value)
    }

    static func serviceKey(_ key: ServiceKey) -> [String: DeterministicJSON] {
        ["authority": .string(key.authority), "service": .string(key.service), "period": .string(key.period)]
    }

    // MARK: services

    static func services(_ comparison: RunComparison) -> DeterministicJSON {
        let services = comparison.services
        func record(_ record: ServiceRecord, columns: [String]) -> DeterministicJSON {
            var fields: [String: DeterministicJSON] = [:]
            for (position, column) in columns.enumerated() where fields[column] == nil {
                fields[column] = cell(record.cell(position))
            }
            var object = serviceKey(record.key)
            object["source"] = .string(record.source)
            object["fields"] = .object(fields)
            return .object(object)
        }
        let changed = services.changed.map { change -> DeterministicJSON in
            var object = serviceKey(change.key)
            object["old_source"] = .string(change.oldSource)
            object["new_source"] = .string(change.newSource)
            object["fields"] = .array(change.fields.map { field in
                .object(["name": .string(field.column), "derived": .bool(field.isDerived),
                         "old": cell(field.old), "new": cell(field.new),
                         "old_text": .string(RunDiffReport.fieldValue(field.column, field.old)),
                         "new_text": .string(RunDiffReport.fieldValue(field.column, field.new))])
            })
            return .object(object)
        }
        return .object([
            "added": .array(services.added.map { record($0, columns: comparison.new.serviceColumns) }),
            "removed": .array(services.removed.map { record($0, columns: comparison.old.serviceColumns) }),
            "changed": .array(changed),
            "unchanged": .integer(services.unchangedCount),
            "columns_only_in_old": .array(services.columnsOnlyInOld.map { .string($0) }),
            "columns_only_in_new": .array(services.columnsOnlyInNew.map { .string($0) }),
        ])
    }

    static func reject(_ record: RejectRecord) -> DeterministicJSON {
        .object(["source_file": .string(record.sourceFile), "line": cell(record.line), "rule": .string(record.rule),
                 "message": .string(record.message), "cells": .array(record.rawCells.map { .string($0) })])
    }

    static func flag(_ record: FlagRecord) -> DeterministicJSON {
        var object = serviceKey(record.service)
        object["source"] = .string(record.source)
        object["rule"] = .string(record.rule)
        object["metric"] = .string(record.metric)
        object["value"] = number(record.value)
        object["threshold"] = number(record.threshold)
        object["severity"] = .string(record.severity)
        object["message"] = .string(record.message)
        return .object(object)
    }

    // MARK: findings

    /// `group` is the row's group; `key` the rest of its key (the metric; `x ~ y` for a
    /// trend line; `scenario/kind/quantity`), `null` for tables keyed by group alone;
    /// `keys` has every key column by name.
    static func rowKey(_ table: HeadlineTable, _ key: [String]) -> [String: DeterministicJSON] {
        let named = Dictionary(zip(table.keyColumns, key).map { ($0, DeterministicJSON.string($1)) },
                               uniquingKeysWith: { first, _ in first })
        let hasGroup = table.keyColumns.first == "group"
        let rest = hasGroup ? Array(key.dropFirst()) : key
        let joined: DeterministicJSON = rest.isEmpty ? .null
            : .string(table == .trendLines ? rest.joined(separator: " ~ ") : rest.joined(separator: "/"))
        return ["table": .string(table.fileStem), "group": .string(hasGroup ? key.first ?? "" : ""), "key": joined,
                "keys": .object(named)]
    }

    static func figure(_ table: HeadlineTable, _ change: FigureChange) -> DeterministicJSON {
        var object = rowKey(table, change.key)
        object["column"] = .string(change.column.column)
        object["old"] = number(change.old)
        object["new"] = number(change.new)
        object["old_text"] = .string(change.oldText)
        object["new_text"] = .string(change.newText)
        object["few_services"] = .bool(change.fewServices)
        return .object(object)
    }

    static func table(_ comparison: HeadlineComparison) -> DeterministicJSON {
        let presence: String
        switch comparison.presence {
        case .both: presence = "both"
        case .onlyOld: presence = "only_old"
        case .onlyNew: presence = "only_new"
        case .neither: presence = "neither"
        }
        func row(_ row: FigureRow) -> DeterministicJSON {
            var object = rowKey(comparison.table, row.key)
            object["figures"] = .object(Dictionary(zip(comparison.table.figureColumns, row.values).map {
                ($0.column, number($1))
            }, uniquingKeysWith: { first, _ in first }))
            if !comparison.table.labelColumns.isEmpty {
                object["labels"] = .object(Dictionary(zip(comparison.table.labelColumns, row.labels).map {
                    ($0, DeterministicJSON.string($1))
                }, uniquingKeysWith: { first, _ in first }))
            }
            return .object(object)
        }
        func labelChange(_ change: LabelChange) -> DeterministicJSON {
            .object(["keys": .object(Dictionary(zip(comparison.table.keyColumns, change.key).map {
                ($0, DeterministicJSON.string($1))
            }, uniquingKeysWith: { first, _ in first })), "column": .string(change.column),
                     "old": .string(change.old), "new": .string(change.new)])
        }
        return .object(["table": .string(comparison.table.fileStem), "file": .string(comparison.table.relativePath),
                        "presence": .string(presence), "rows_added": .array(comparison.added.map(row)),
                        "rows_removed": .array(comparison.removed.map(row)),
                        "figures_changed": .integer(comparison.changed.count),
                        "figures_unchanged": .integer(comparison.unchangedCount),
                        "labels_changed": .array(comparison.relabelled.map(labelChange))])
    }

    static func benchmark(_ change: BenchmarkChange) -> DeterministicJSON {
        var object = serviceKey(change.new.service)
        object["metric"] = .string(change.new.metric)
        object["old"] = .object(["value": number(change.old.value), "all_band": .string(change.old.allBand),
                                 "evidence_band": .string(change.old.evidenceBand)])
        object["new"] = .object(["value": number(change.new.value), "all_band": .string(change.new.allBand),
                                 "evidence_band": .string(change.new.evidenceBand)])
        return .object(object)
    }

    static func correlation(_ record: CorrelationRecord?) -> DeterministicJSON {
        guard let record else { return .null }
        var object: [String: DeterministicJSON] = ["strength": text(record.strength)]
        for figure in CorrelationFigure.allCases {
            object[figure.rawValue] = number(figure.value(record))
            object[figure.rawValue + "_text"] = .string(figure.text(figure.value(record)))
        }
        return .object(object)
    }

    /// Changed pairs, then pairs only in the new run (`old` null), then only in the old.
    static func correlations(_ comparison: CorrelationComparison) -> [DeterministicJSON] {
        func entry(_ record: CorrelationRecord, old: CorrelationRecord?, new: CorrelationRecord?,
                   changed: [String], notes: [String]) -> DeterministicJSON {
            .object(["group": .string(record.group), "x": .string(record.x), "y": .string(record.y),
                     "old": correlation(old), "new": correlation(new),
                     "changed": .array(changed.map { .string($0) }), "notes": .array(notes.map { .string($0) })])
        }
        return comparison.changed.map {
            entry($0.new, old: $0.old, new: $0.new, changed: $0.figures, notes: $0.notes.map(\.rawValue))
        } + comparison.added.map { entry($0, old: nil, new: $0, changed: [], notes: ["only_in_new_run"]) }
            + comparison.removed.map { entry($0, old: $0, new: nil, changed: [], notes: ["only_in_old_run"]) }
    }
}

extension RunComparison {
    /// The diff as JSON text (`RunDiffJSON`), LF, final newline.
    public var json: String { RunDiffJSON.document(self).rendered }
}
