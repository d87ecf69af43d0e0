import Cleaning

/// How many rows of `clean/services.csv` are current returns (SPEC §11): the services
/// the report's figures describe. Earlier returns are counted apart so that "Services
/// analysed" never counts a service twice.
struct CurrentReturnCount {
    var current = 0
    var earlier = 0

    init(_ services: [CleanedService]) {
        for service in services {
            if service.isCurrent { current += 1 } else { earlier += 1 }
        }
    }
}
