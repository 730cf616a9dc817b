rule "azure-authorization-custom-role-root-scope" {
  title     = "Custom role is assignable at the root scope (`/`)"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_role_definition"]
  aliases   = ["AVD-AZU-0030", "azure-authorization-limit-role-actions"]

  description = <<-EOT
    A custom role whose `assignable_scopes` contain `/` can be assigned at the tenant root, above
    every management group and subscription, so one assignment grants its actions everywhere in the
    tenant. Custom roles should be assignable only where they are needed (a subscription, a resource
    group). Scoping roles is the customer's side of Azure RBAC.

    Severity is medium; a root-assignable role with `actions = ["*"]` is also reported as high by
    `azure-authorization-custom-role-wildcard-actions`.
  EOT
  remediation = "Replace `/` in `assignable_scopes` with the management group, subscription or resource group IDs where the role is used."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition#assignable_scopes",
    "https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#assignablescopes",
  ]

  assert {
    attribute "assignable_scopes" {
      not_contains = "/"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_role_definition" "ops" {
        name  = "vm-operator"
        scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

        permissions {
          actions = ["Microsoft.Compute/virtualMachines/start/action"]
        }

        assignable_scopes = ["/"]  # expect: azure-authorization-custom-role-root-scope
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_role_definition" "ops" {
        name  = "vm-operator"
        scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

        permissions {
          actions = ["Microsoft.Compute/virtualMachines/start/action"]
        }

        assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
      }
    EOT
  }
}
