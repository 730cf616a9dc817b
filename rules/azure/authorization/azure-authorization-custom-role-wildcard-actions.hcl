rule "azure-authorization-custom-role-wildcard-actions" {
  title     = "Custom role grants every action (`actions = [\"*\"]`)"
  severity  = "high"
  area      = "identity-access"
  resources = ["azurerm_role_definition"]
  aliases   = ["CKV_AZURE_39"]

  compliance = { "cis-azure-3.0" = ["2.23"] }
  description = <<-EOT
    A custom role whose `actions` contain `*` allows every management operation on every resource
    provider within its assignable scopes, including `Microsoft.Authorization/*`, so whoever holds it
    can grant themselves or others any role: it is the Owner role under another name, and reviews
    that look for Owner assignments miss it. Least privilege in Azure RBAC is entirely the
    customer's side.

    The rule reads every `permissions` block. Severity is high: an administrative privilege that
    escapes the usual controls.
  EOT
  remediation = "List the specific operations the role needs in `permissions.actions` (for example `Microsoft.Compute/virtualMachines/start/action`), or assign a built-in role."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition#actions",
    "https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles",
  ]

  assert {
    attribute "permissions.actions" {
      not_contains = "*"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_role_definition" "ops" {
        name        = "platform-ops"
        scope       = "/subscriptions/00000000-0000-0000-0000-000000000000"
        description = "Operations team"

        permissions {
          actions     = ["*"]  # expect: azure-authorization-custom-role-wildcard-actions
          not_actions = ["Microsoft.Authorization/*/Delete"]
        }

        assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_role_definition" "ops" {
        name        = "vm-operator"
        scope       = "/subscriptions/00000000-0000-0000-0000-000000000000"
        description = "Start and stop VMs"

        permissions {
          actions = [
            "Microsoft.Compute/virtualMachines/read",
            "Microsoft.Compute/virtualMachines/start/action",
            "Microsoft.Compute/virtualMachines/deallocate/action",
          ]
        }

        assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
      }
    EOT
  }
}
