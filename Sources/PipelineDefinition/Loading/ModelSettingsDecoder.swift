import VFMCore

/// The optional `[model]` table (SPEC §14): `covariates`, a list of covariate names,
/// defaulting to `["evidence_based", "client_focus", "log_people_supported"]`.
enum ModelSettingsDecoder {
    static func settings(_ top: PipelineTableReader) throws(VFMError) -> ModelSettings? {
        guard top.optional("model") != nil else { return nil }
        let model = try top.table("model", keys: ["covariates"])
        guard model.optional("covariates") != nil else { return ModelSettings() }
        let key = model.qualified("covariates")
        let names = ModelCovariate.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        var covariates: [ModelCovariate] = []
        for (name, node) in try model.stringArray("covariates") {
            guard let covariate = ModelCovariate(rawValue: name) else {
                throw PipelineTableReader.valueError(node, key: key, file: model.file,
                                                     "`\(name)` is not a covariate the model knows",
                                                     hint: "use any of \(names)")
            }
            if covariates.contains(covariate) {
                throw PipelineTableReader.valueError(node, key: key, file: model.file, "`\(name)` is listed twice",
                                                     hint: "list each covariate once")
            }
            covariates.append(covariate)
        }
        return ModelSettings(covariates: covariates)
    }
}
