//! DORA's capability catalogue, which bank practices link to by name.

/// DORA's 29 capabilities as of 2024 (dora.dev/capabilities), spelled as banks must name them.
pub const CAPABILITIES: [&str; 29] = [
    // technical
    "Version control",
    "Continuous integration",
    "Continuous delivery",
    "Deployment automation",
    "Trunk-based development",
    "Test automation",
    "Test data management",
    "Database change management",
    "Monitoring and observability",
    "Code maintainability",
    "Flexible infrastructure",
    "Teams choose their tools",
    // process
    "Customer feedback",
    "Documentation quality",
    "Loosely coupled teams",
    "Monitoring for business decisions",
    "Pervasive security",
    "Proactive failure notification",
    "Streamlined change approval",
    "Team experimentation",
    "Visual management",
    "WIP limits",
    "Visibility of the value stream",
    "Small batches",
    // cultural
    "Generative culture",
    "Job satisfaction",
    "Learning culture",
    "Transformational leadership",
    "Well-being",
];

pub fn is_capability(name: &str) -> bool {
    CAPABILITIES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities_are_known_by_name() {
        assert!(is_capability("Trunk-based development"));
        assert!(!is_capability("trunk-based development"));
    }
}
