rule "azure-storage-network-default-deny" {
  title     = "Storage account accepts connections from all networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV_AZURE_35", "AVD-AZU-0012", "azure-storage-default-action-deny"]

  compliance = { "cis-azure-3.0" = ["4.7"] }
  description = <<-EOT
    A storage account's endpoints are reachable from the whole internet unless the customer restricts
    them. With public network access on and no network rule set to `Deny` by default, anyone who
    obtains an account key or a SAS token (leaked in a repository, a log, a build artifact) can use it
    from anywhere. Limiting the account to chosen virtual networks, IP ranges or private endpoints makes
    a stolen credential far less useful. Azure provides the firewall; configuring it is the customer's
    job.

    The account is compliant when `public_network_access_enabled = false` (default `true`), or when
    its `network_rules` block, or a separate `azurerm_storage_account_network_rules` resource pointing
    at it through `storage_account_id`, has `default_action = "Deny"`.
  EOT
  remediation = "Set `network_rules { default_action = \"Deny\" ... }` with the required `ip_rules` / `virtual_network_subnet_ids`, or set `public_network_access_enabled = false` and reach the account through private endpoints."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#network_rules",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules",
    "https://docs.microsoft.com/en-us/azure/storage/common/storage-network-security",
  ]

  assert {
    any {
      attribute "public_network_access_enabled" {
        equals  = false
        default = true
      }
      attribute "network_rules.default_action" {
        equals = "Deny"
      }
      linked "azurerm_storage_account_network_rules" {
        via = "storage_account_id"
        attribute "default_action" {
          equals = "Deny"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "open" {  # expect: azure-storage-network-default-deny
        name                     = "openaccount"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "allow" {
        name                     = "allowaccount"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"

        network_rules {
          default_action = "Allow"  # expect: azure-storage-network-default-deny
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "fenced" {
        name                     = "fencedaccount"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"

        network_rules {
          default_action = "Deny"
          ip_rules       = ["203.0.113.10"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "fenced" {
        name                     = "fencedseparately"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
      }

      resource "azurerm_storage_account_network_rules" "fenced" {
        storage_account_id = azurerm_storage_account.fenced.id
        default_action     = "Deny"
        ip_rules           = ["203.0.113.10"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "private" {
        name                          = "privateonly"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        account_tier                  = "Standard"
        account_replication_type      = "LRS"
        public_network_access_enabled = false
      }
    EOT
  }
}
