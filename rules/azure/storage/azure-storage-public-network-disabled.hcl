rule "azure-storage-public-network-disabled" {
  title     = "Storage account has its public endpoint enabled"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV_AZURE_59"]

  compliance = { "cis-azure-3.0" = ["4.6"] }
  description = <<-EOT
    With `public_network_access_enabled = false` a storage account answers only on its private
    endpoints: no request from the internet reaches the blob, file, queue or table endpoints,
    whatever keys or SAS tokens leak. With the public endpoint on, the account's firewall
    (`network_rules`) is the only network barrier, and a single `default_action = "Allow"` or a broad
    IP rule opens it. Where the account's data is reached through the network is the customer's
    choice.

    `public_network_access_enabled` defaults to `true`. A public endpoint restricted by
    `default_action = "Deny"` is still reported here, at low severity; an unrestricted one is also
    reported by `azure-storage-network-default-deny`. Accounts that must serve the internet
    (static websites, public downloads, clients without private connectivity) should suppress this
    rule with the reason.
  EOT
  remediation = "Set `public_network_access_enabled = false` and reach the account through `azurerm_private_endpoint` resources (one per sub-resource used: blob, file, queue, table, dfs)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "data" {  # expect: azure-storage-public-network-disabled
        name                     = "stdata"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"

        network_rules {
          default_action = "Deny"
          ip_rules       = ["203.0.113.10"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "data" {
        name                          = "stdata"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        account_tier                  = "Standard"
        account_replication_type      = "ZRS"
        public_network_access_enabled = true  # expect: azure-storage-public-network-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "data" {
        name                          = "stdata"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        account_tier                  = "Standard"
        account_replication_type      = "ZRS"
        public_network_access_enabled = false
      }
    EOT
  }
}
