rule "azure-storage-network-rules-resource-default-deny" {
  title     = "Storage account network rules resource allows traffic by default"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["azurerm_storage_account_network_rules"]
  aliases   = ["CKV_AZURE_35", "AVD-AZU-0012", "azure-storage-default-action-deny"]

  compliance = { "cis-azure-3.0" = ["4.7"] }
  description = <<-EOT
    The standalone `azurerm_storage_account_network_rules` resource replaces the account's network
    rules. With `default_action = "Allow"`, the IP and subnet rules it lists are irrelevant: every
    network, the internet included, reaches the account's endpoints, and any leaked key or SAS token
    is usable from anywhere. Restricting the network path to the data is the customer's side.

    `default_action` is required. The inline `network_rules` block of `azurerm_storage_account` is
    checked by `azure-storage-network-default-deny`; this rule checks the separate resource on its
    own, so a configuration that writes it is reported even when the account is defined elsewhere.
  EOT
  remediation = "Set `default_action = \"Deny\"` and list the allowed `ip_rules` and `virtual_network_subnet_ids` (or use private endpoints)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules#default_action",
    "https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security",
  ]

  assert {
    attribute "default_action" {
      equals = "Deny"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account_network_rules" "data" {
        storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/data"
        default_action     = "Allow"  # expect: azure-storage-network-rules-resource-default-deny
        ip_rules           = ["203.0.113.10"]
        bypass             = ["AzureServices"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account_network_rules" "data" {
        storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/data"
        default_action     = "Deny"
        ip_rules           = ["203.0.113.10"]
        bypass             = ["AzureServices"]
      }
    EOT
  }
}
