rule "azure-network-flow-log-enabled" {
  title     = "Network Watcher flow log is disabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_network_watcher_flow_log"]
  aliases   = ["AVD-AZU-0073", "azure-network-network-watcher-flow-disabled"]

  description = <<-EOT
    Flow logs record which addresses talked to which over the network security group or virtual
    network they watch: the record that shows a VM's data leaving to an unknown host, or lateral
    movement between subnets. A flow log resource with `enabled = false` gives the appearance of
    coverage and records nothing. Network monitoring in IaaS is the customer's side.

    `enabled` is required on `azurerm_network_watcher_flow_log`; the rule reports `false`.
    Severity is medium: a detection and forensics control.
  EOT
  remediation = "Set `enabled = true` on the `azurerm_network_watcher_flow_log`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log#enabled",
    "https://learn.microsoft.com/en-us/azure/network-watcher/vnet-flow-logs-overview",
  ]

  assert {
    attribute "enabled" {
      equals = true
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
        enabled              = false  # expect: azure-network-flow-log-enabled

        retention_policy {
          enabled = true
          days    = 90
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
          days    = 90
        }
      }
    EOT
  }
}
