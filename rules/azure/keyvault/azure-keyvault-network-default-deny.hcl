rule "azure-keyvault-network-default-deny" {
  title     = "Key Vault accepts connections from all networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_key_vault"]
  aliases   = ["CKV_AZURE_109", "CKV_AZURE_189", "AVD-AZU-0013", "azure-keyvault-specify-network-acl"]

  description = <<-EOT
    A Key Vault's data plane is reachable from any network unless its firewall says otherwise. Access
    still needs an Entra ID token with the right permissions, but a leaked service principal secret or
    a stolen token can then be used from anywhere to read every secret the identity can reach.
    Restricting the vault to known networks or private endpoints adds a second barrier that the
    customer controls.

    The vault is compliant when `public_network_access_enabled = false` (provider default `true`) or
    when its `network_acls` block has `default_action = "Deny"`. Without a `network_acls` block the
    vault allows all networks.
  EOT
  remediation = "Add `network_acls { default_action = \"Deny\", bypass = \"AzureServices\", ip_rules = [...] }`, or set `public_network_access_enabled = false` and use a private endpoint."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#network_acls",
    "https://docs.microsoft.com/en-us/azure/key-vault/general/network-security",
  ]

  assert {
    any {
      attribute "public_network_access_enabled" {
        equals  = false
        default = true
      }
      attribute "network_acls.default_action" {
        equals = "Deny"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {  # expect: azure-keyvault-network-default-deny
        name                       = "kv-app"
        location                   = "westeurope"
        resource_group_name        = "rg-app"
        tenant_id                  = "00000000-0000-0000-0000-000000000000"
        sku_name                   = "standard"
        rbac_authorization_enabled = true
        purge_protection_enabled   = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {
        name                       = "kv-app"
        location                   = "westeurope"
        resource_group_name        = "rg-app"
        tenant_id                  = "00000000-0000-0000-0000-000000000000"
        sku_name                   = "standard"
        rbac_authorization_enabled = true
        purge_protection_enabled   = true

        network_acls {
          bypass         = "AzureServices"
          default_action = "Allow"  # expect: azure-keyvault-network-default-deny
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
        rbac_authorization_enabled = true
        purge_protection_enabled   = true

        network_acls {
          bypass         = "AzureServices"
          default_action = "Deny"
          ip_rules       = ["203.0.113.0/24"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {
        name                          = "kv-app"
        location                      = "westeurope"
        resource_group_name           = "rg-app"
        tenant_id                     = "00000000-0000-0000-0000-000000000000"
        sku_name                      = "standard"
        rbac_authorization_enabled    = true
        purge_protection_enabled      = true
        public_network_access_enabled = false
      }
    EOT
  }
}
