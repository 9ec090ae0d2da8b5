"""Register pages: ASB case reviews, PSPOs, DHRs, the local procedure and the public outputs."""
