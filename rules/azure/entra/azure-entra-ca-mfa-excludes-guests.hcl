rule "azure-entra-ca-mfa-excludes-guests" {
  title     = "All-users MFA conditional access policy exempts every guest and external user"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azuread_conditional_access_policy"]

  description = <<-EOT
    `excluded_users = ["GuestsOrExternalUsers"]` removes every guest and B2B collaborator from a
    policy that otherwise requires MFA for all users. Guests are accounts the tenant does not
    manage, often with weaker home-tenant controls, and they are a common way in: a phished guest
    password then opens whatever the guest was invited to. Entra ID is SaaS: who must present a
    second factor is the customer's sign-in policy.

    The rule applies to policies that include all users and require `mfa` (or an authentication
    strength). Exclusions of specific break-glass accounts are fine and not reported. The finer
    `excluded_guests_or_external_users` block of newer azuread versions, which can exempt chosen
    guest types, is not read. Severity is
    medium: the gap is limited to what guests were given access to.
  EOT
  remediation = "Remove `GuestsOrExternalUsers` from `excluded_users`; if some partners cannot use MFA, exclude a named group for them, reviewed regularly, or trust their home tenant's MFA with cross-tenant access settings."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/conditional_access_policy#excluded_users",
    "https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-guests-mfa-strength",
  ]

  when {
    attribute "conditions.users.included_users" {
      contains = "All"
    }
    any {
      attribute "grant_controls.built_in_controls" {
        contains = "mfa"
      }
      attribute "grant_controls.authentication_strength_policy_id" {
        present = true
      }
    }
  }

  assert {
    attribute "conditions.users.excluded_users" {
      not_contains = "GuestsOrExternalUsers"
      default      = []
    }
  }

  example "bad" {
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
            excluded_users = ["GuestsOrExternalUsers"]  # expect: azure-entra-ca-mfa-excludes-guests
          }
        }

        grant_controls {
          operator          = "OR"
          built_in_controls = ["mfa"]
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
            excluded_users = ["66666666-6666-6666-6666-666666666666"] # break-glass account
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
