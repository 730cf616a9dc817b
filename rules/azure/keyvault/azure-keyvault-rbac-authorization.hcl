rule "azure-keyvault-rbac-authorization" {
  title     = "Key Vault uses access policies instead of Azure RBAC"
  severity  = "low"
  area      = "identity-access"
  resources = ["azurerm_key_vault"]
  compliance = { "cis-azure-3.0" = ["3.3.6"] }

  description = <<-EOT
    With the legacy access policy model, data-plane permissions live on the vault itself: anyone who
    can write the vault resource (a `Contributor` on the resource group) can grant themselves access
    to every key and secret, and permissions cannot be scoped to a single secret or made eligible
    through Privileged Identity Management. Azure RBAC separates managing the vault from reading its
    contents. Choosing the permission model is the customer's.

    The argument is `rbac_authorization_enabled` in current azurerm versions and
    `enable_rbac_authorization` before; either set to `true` is compliant. Both default to `false`.
    Severity is low: a permission-model weakness, not an exposure.
  EOT
  remediation = "Set `rbac_authorization_enabled = true` (`enable_rbac_authorization` on older provider versions) and replace access policies with role assignments such as `Key Vault Secrets User`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#rbac_authorization_enabled",
    "https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-migration",
  ]

  assert {
    any {
      attribute "rbac_authorization_enabled" {
        equals = true
      }
      attribute "enable_rbac_authorization" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {  # expect: azure-keyvault-rbac-authorization
        name                     = "kv-app"
        location                 = "westeurope"
        resource_group_name      = "rg-app"
        tenant_id                = "00000000-0000-0000-0000-000000000000"
        sku_name                 = "standard"
        purge_protection_enabled = true

        access_policy {
          tenant_id          = "00000000-0000-0000-0000-000000000000"
          object_id          = "11111111-1111-1111-1111-111111111111"
          secret_permissions = ["Get", "List"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {
        name                       = "kv-app"
        location                   = "westeurope"
        resource_group_name        = "rg-app"
        tenant_id                  = "00000000-0000-0000-0000-000000000000"
        sku_name                   = "standard"
        purge_protection_enabled   = true
        rbac_authorization_enabled = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {
        name                      = "kv-app"
        location                  = "westeurope"
        resource_group_name       = "rg-app"
        tenant_id                 = "00000000-0000-0000-0000-000000000000"
        sku_name                  = "standard"
        purge_protection_enabled  = true
        enable_rbac_authorization = true
      }
    EOT
  }
}
