rule "azure-entra-ca-broad-policy-without-mfa" {
  title     = "Conditional access policy for all users or admin roles grants access without MFA"
  severity  = "high"
  area      = "identity-access"
  resources = ["azuread_conditional_access_policy"]

  description = <<-EOT
    A conditional access policy that targets all users (`included_users = ["All"]`) or directory
    roles (`included_roles`, the administrators) and grants access, but whose grant controls do not
    include `mfa` or an authentication strength, lets those sign-ins succeed with a password alone.
    Phished, sprayed or reused passwords then open the tenant, and for admin roles the whole
    directory. Entra ID is SaaS: Microsoft runs the identity platform, and requiring the second
    factor is the customer's configuration.

    The rule applies to policies whose `grant_controls` exist and do not `block` access, and which
    include all users or at least one role. It passes when `grant_controls.built_in_controls`
    contains `mfa` or `grant_controls.authentication_strength_policy_id` is set. Severity is high:
    a missing second factor for every user or for administrators.
  EOT
  remediation = "Add `\"mfa\"` to `grant_controls.built_in_controls`, or set `grant_controls.authentication_strength_policy_id` (for administrators, a phishing-resistant strength)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/conditional_access_policy#grant_controls",
    "https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-all-users-mfa-strength",
    "https://learn.microsoft.com/en-us/entra/identity/conditional-access/policy-old-require-mfa-admin",
  ]

  when {
    attribute "grant_controls.built_in_controls" {
      not_contains = "block"
    }
    any {
      attribute "conditions.users.included_users" {
        contains = "All"
      }
      attribute "conditions.users.included_roles" {
        length_gte = 1
      }
    }
  }

  assert {
    any {
      attribute "grant_controls.built_in_controls" {
        contains = "mfa"
      }
      attribute "grant_controls.authentication_strength_policy_id" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "all_users" {
        display_name = "All users: compliant device"
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
          built_in_controls = ["compliantDevice", "domainJoinedDevice"]  # expect: azure-entra-ca-broad-policy-without-mfa
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "admins" {
        display_name = "Administrators: terms of use"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_roles = [
              "62e90394-69f5-4237-9190-012177145e10", # Global Administrator
              "e8611ab8-c189-46e8-94e1-60213ab1f814", # Privileged Role Administrator
            ]
          }
        }

        grant_controls {
          operator          = "AND"
          built_in_controls = ["passwordChange"]  # expect: azure-entra-ca-broad-policy-without-mfa
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "admins" {
        display_name = "Administrators: phishing-resistant MFA"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_roles = ["62e90394-69f5-4237-9190-012177145e10"]
          }
        }

        grant_controls {
          operator                          = "OR"
          authentication_strength_policy_id = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "all_users" {
        display_name = "All users: MFA"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_users = ["All"]
            excluded_users = ["44444444-4444-4444-4444-444444444444"]
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
      # a block policy is not meant to ask for MFA
      resource "azuread_conditional_access_policy" "block_legacy" {
        display_name = "Block legacy authentication"
        state        = "enabled"

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
      # a policy for one group is out of scope
      resource "azuread_conditional_access_policy" "contractors" {
        display_name = "Contractors: compliant device"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_groups = ["55555555-5555-5555-5555-555555555555"]
          }
        }

        grant_controls {
          operator          = "OR"
          built_in_controls = ["compliantDevice"]
        }
      }
    EOT
  }
}
