rule "azure-authorization-custom-role-manages-access" {
  title     = "Custom role can create roles or role assignments"
  severity  = "high"
  area      = "identity-access"
  resources = ["azurerm_role_definition"]
  aliases   = ["AVD-AZU-0052", "azure-authorization-prevent-custom-role-creation"]

  description = <<-EOT
    A role that may write role definitions or role assignments lets its holders widen their own
    access: define a role with every action, or assign Owner to themselves. Such roles should be the
    few built-in ones (Owner, User Access Administrator, Role Based Access Control Administrator)
    that access reviews already watch, not custom roles. Azure RBAC design is the customer's.

    The rule reports a `permissions.actions` list containing `*`, `Microsoft.Authorization/*`,
    `Microsoft.Authorization/roleDefinitions/write` or `/*`, or
    `Microsoft.Authorization/roleAssignments/write` or `/*`. Severity is high: privilege escalation.
  EOT
  remediation = "Remove the `Microsoft.Authorization` write operations from the custom role; delegate access management with the built-in Role Based Access Control Administrator role and conditions."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition#actions",
    "https://learn.microsoft.com/en-us/azure/role-based-access-control/resource-provider-operations#microsoftauthorization",
  ]

  assert {
    attribute "permissions.actions" {
      not_contains = "*"
    }
    attribute "permissions.actions" {
      not_contains = "Microsoft.Authorization/*"
    }
    attribute "permissions.actions" {
      not_contains = "Microsoft.Authorization/roleDefinitions/write"
    }
    attribute "permissions.actions" {
      not_contains = "Microsoft.Authorization/roleDefinitions/*"
    }
    attribute "permissions.actions" {
      not_contains = "Microsoft.Authorization/roleAssignments/write"
    }
    attribute "permissions.actions" {
      not_contains = "Microsoft.Authorization/roleAssignments/*"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_role_definition" "delegate" {
        name  = "team-lead"
        scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

        permissions {
          actions = [  # expect: azure-authorization-custom-role-manages-access
            "Microsoft.Resources/subscriptions/resourceGroups/read",
            "Microsoft.Authorization/roleAssignments/write",
          ]
        }

        assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_role_definition" "delegate" {
        name  = "role-author"
        scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

        permissions {
          actions = ["Microsoft.Authorization/*"]  # expect: azure-authorization-custom-role-manages-access
        }

        assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_role_definition" "reader" {
        name  = "access-auditor"
        scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

        permissions {
          actions = [
            "Microsoft.Authorization/roleAssignments/read",
            "Microsoft.Authorization/roleDefinitions/read",
          ]
        }

        assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
      }
    EOT
  }
}
