rule "azure-entra-ca-mfa-excludes-admin-roles" {
  title     = "Conditional access MFA policy exempts privileged directory roles"
  severity  = "high"
  area      = "identity-access"
  resources = ["azuread_conditional_access_policy"]

  description = <<-EOT
    A policy that requires MFA (or an authentication strength) but lists a privileged directory role
    in `excluded_roles` exempts exactly the accounts whose compromise gives away the tenant: Global,
    Privileged Role, Privileged Authentication, Security, Conditional Access and User
    Administrators. A phished or sprayed password of one of them then signs in without a second
    factor. Break-glass accounts are meant to be excluded individually, by user, not by role.
    Requiring MFA for administrators is the customer's configuration of Entra ID.

    The rule applies to policies whose grant controls include `mfa` or an
    `authentication_strength_policy_id` (and do not `block`), and reports
    `conditions.users.excluded_roles` containing the role template ID of one of those six roles.
    Role IDs given by variables without values leave the rule undecided. Severity is high: the
    most privileged sign-ins escape MFA.
  EOT
  remediation = "Remove the privileged role from `excluded_roles`; exclude each emergency-access (break-glass) account by object ID in `excluded_users` instead, and monitor their sign-ins."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/conditional_access_policy#excluded_roles",
    "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access",
  ]

  when {
    attribute "grant_controls.built_in_controls" {
      not_contains = "block"
      default      = []
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
    # Global Administrator
    attribute "conditions.users.excluded_roles" {
      not_contains = "62e90394-69f5-4237-9190-012177145e10"
      default      = []
    }
    # Privileged Role Administrator
    attribute "conditions.users.excluded_roles" {
      not_contains = "e8611ab8-c189-46e8-94e1-60213ab1f814"
      default      = []
    }
    # Privileged Authentication Administrator
    attribute "conditions.users.excluded_roles" {
      not_contains = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13"
      default      = []
    }
    # Security Administrator
    attribute "conditions.users.excluded_roles" {
      not_contains = "194ae4cb-b126-40b2-bd5b-6091b380977d"
      default      = []
    }
    # Conditional Access Administrator
    attribute "conditions.users.excluded_roles" {
      not_contains = "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9"
      default      = []
    }
    # User Administrator
    attribute "conditions.users.excluded_roles" {
      not_contains = "fe930be7-5e62-47db-91af-98c3a49a38b1"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "all_users_mfa" {
        display_name = "All users: MFA"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_users = ["All"]
            excluded_roles = ["62e90394-69f5-4237-9190-012177145e10"]  # expect: azure-entra-ca-mfa-excludes-admin-roles
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
      resource "azuread_conditional_access_policy" "strong_auth" {
        display_name = "All users: phishing-resistant MFA"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_users = ["All"]
            excluded_roles = [
              "e8611ab8-c189-46e8-94e1-60213ab1f814", # Privileged Role Administrator
            ]
          }
        }

        grant_controls {
          operator                          = "OR"
          authentication_strength_policy_id = "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004"
        }
      }
    EOT
    lines = [14]
  }

  example "good" {
    code = <<-EOT
      resource "azuread_conditional_access_policy" "all_users_mfa" {
        display_name = "All users: MFA"
        state        = "enabled"

        conditions {
          client_app_types = ["all"]

          applications {
            included_applications = ["All"]
          }

          users {
            included_users = ["All"]
            excluded_users = ["44444444-4444-4444-4444-444444444444"] # break-glass account
            excluded_roles = ["d29b2b05-8046-44ba-8758-1e26182fcf32"] # Directory Synchronization Accounts
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
      # a block policy is out of scope
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
            excluded_roles = ["62e90394-69f5-4237-9190-012177145e10"]
          }
        }

        grant_controls {
          operator          = "OR"
          built_in_controls = ["block"]
        }
      }
    EOT
  }
}
