rule "azure-entra-ca-policy-not-enforced" {
  title     = "Conditional access policy is disabled or only in report-only mode"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azuread_conditional_access_policy"]

  description = <<-EOT
    A conditional access policy in `enabledForReportingButNotEnforced` (report-only) state records
    what it would have done and enforces nothing; a `disabled` policy does not even record. Policies
    that require MFA or block legacy authentication are often left in report-only after a trial,
    and the tenant then believes it is protected when sign-ins pass with a password alone. Entra ID
    is SaaS: the identity platform is Microsoft's, the sign-in policies are the customer's.

    `state` is required; the rule reports any value other than `enabled`. Severity is medium
    because the policy's own effect is unknown here; a policy meant to require MFA that is not
    enforced leaves that second factor missing. Suppress the rule for a policy deliberately under
    evaluation, with an end date.
  EOT
  remediation = "Set `state = \"enabled\"` once the report-only results have been reviewed, or delete policies that are no longer wanted."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/conditional_access_policy#state",
    "https://learn.microsoft.com/en-us/entra/identity/conditional-access/concept-conditional-access-report-only",
  ]

  assert {
    attribute "state" {
      equals = "enabled"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "mfa_all" {
        display_name = "Require MFA for all users"
        state        = "enabledForReportingButNotEnforced"  # expect: azure-entra-ca-policy-not-enforced

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_users = ["All"]
          }
        }

        grant_controls {
          operator          = "OR"
          built_in_controls = ["mfa"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "block_legacy" {
        display_name = "Block legacy authentication"
        state        = "disabled"  # expect: azure-entra-ca-policy-not-enforced

        conditions {
          client_app_types = ["exchangeActiveSync", "other"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_users = ["All"]
          }
        }

        grant_controls {
          operator          = "OR"
          built_in_controls = ["block"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "mfa_all" {
        display_name = "Require MFA for all users"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_users = ["All"]
          }
        }

        grant_controls {
          operator          = "OR"
          built_in_controls = ["mfa"]
        }
      }
    EOT
  }
}
