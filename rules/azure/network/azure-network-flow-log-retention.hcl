rule "azure-network-flow-log-retention" {
  title     = "Network Watcher flow log retention is off or shorter than 90 days"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_network_watcher_flow_log"]
  aliases   = ["CKV_AZURE_12", "AVD-AZU-0049", "azure-network-retention-policy-set"]

  description = <<-EOT
    Flow logs are needed when an incident is investigated, which is often long after it began. A
    retention policy that deletes them within days, or no managed retention at all, leaves the
    investigation without the network record. Keeping the evidence is the customer's side.

    `retention_policy` is a required block. The rule passes when `retention_policy.enabled` is
    `true` and `days` is at least 90, or 0 (which Azure treats as keeping the records
    indefinitely). A disabled retention policy is reported, as the CIS benchmark asks for an
    enabled policy. Severity is low: the logs exist, their history is short.
  EOT
  remediation = "Set `retention_policy { enabled = true  days = 90 }` (or more), and keep the storage account's lifecycle rules from deleting the logs earlier."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log#retention_policy",
    "https://learn.microsoft.com/en-us/azure/network-watcher/nsg-flow-logs-overview",
  ]

  assert {
    attribute "retention_policy.enabled" {
      equals = true
    }
    any {
      attribute "retention_policy.days" {
        gte = 90
      }
      attribute "retention_policy.days" {
        equals = 0
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_watcher_flow_log" "app" {
        network_watcher_name = "NetworkWatcher_westeurope"
        resource_group_name  = "NetworkWatcherRG"
        name                 = "fl-nsg-app"
        target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
        storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/flowlogs"
        enabled              = true

        retention_policy {
          enabled = true
          days    = 14  # expect: azure-network-flow-log-retention
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_watcher_flow_log" "app" {
        network_watcher_name = "NetworkWatcher_westeurope"
        resource_group_name  = "NetworkWatcherRG"
        name                 = "fl-nsg-app"
        target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
        storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/flowlogs"
        enabled              = true

        retention_policy {
          enabled = false  # expect: azure-network-flow-log-retention
          days    = 365
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_watcher_flow_log" "app" {
        network_watcher_name = "NetworkWatcher_westeurope"
        resource_group_name  = "NetworkWatcherRG"
        name                 = "fl-nsg-app"
        target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
        storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/flowlogs"
        enabled              = true

        retention_policy {
          enabled = true
          days    = 120
        }
      }
    EOT
  }
}
