rule "azure-network-flow-log-traffic-analytics" {
  title     = "Network flow log is not sent to Log Analytics (traffic analytics off)"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_network_watcher_flow_log"]

  compliance = { "cis-azure-3.0" = ["6.1.5"] }
  description = <<-EOT
    A flow log written only to a storage account is raw JSON blobs: nobody is alerted on a port
    scan, a connection to a known-bad address or a sudden outbound spike, and investigating an
    incident means downloading and parsing files. Traffic analytics sends the flows to a Log
    Analytics workspace, where they can be queried, correlated with other logs and used by
    Microsoft Sentinel. Monitoring the customer's own network traffic is the customer's side.

    The rule asks for a `traffic_analytics` block with `enabled = true` on NSG and virtual network
    flow logs alike. A disabled flow log is reported by `azure-network-flow-log-enabled` instead.
    Severity is low: the flows are recorded, but not where anyone looks at them.
  EOT
  remediation = "Add `traffic_analytics { enabled = true  workspace_id = ...  workspace_region = ...  workspace_resource_id = ...  interval_in_minutes = 10 }` to the flow log."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log#traffic_analytics",
    "https://learn.microsoft.com/en-us/azure/network-watcher/traffic-analytics",
  ]

  when {
    attribute "enabled" {
      equals = true
    }
  }

  assert {
    attribute "traffic_analytics.enabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_watcher_flow_log" "app" {  # expect: azure-network-flow-log-traffic-analytics
        name                 = "fl-nsg-app"
        network_watcher_name = "NetworkWatcher_westeurope"
        resource_group_name  = "NetworkWatcherRG"
        target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
        storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Storage/storageAccounts/stflowlogs"
        enabled              = true

        retention_policy {
          enabled = true
          days    = 90
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_watcher_flow_log" "app" {
        name                      = "fl-nsg-app"
        network_watcher_name      = "NetworkWatcher_westeurope"
        resource_group_name       = "NetworkWatcherRG"
        network_security_group_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
        storage_account_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Storage/storageAccounts/stflowlogs"
        enabled                   = true

        retention_policy {
          enabled = true
          days    = 90
        }

        traffic_analytics {
          enabled               = false  # expect: azure-network-flow-log-traffic-analytics
          workspace_id          = "11111111-1111-1111-1111-111111111111"
          workspace_region      = "westeurope"
          workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_watcher_flow_log" "app" {
        name                 = "fl-nsg-app"
        network_watcher_name = "NetworkWatcher_westeurope"
        resource_group_name  = "NetworkWatcherRG"
        target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
        storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Storage/storageAccounts/stflowlogs"
        enabled              = true

        retention_policy {
          enabled = true
          days    = 90
        }

        traffic_analytics {
          enabled               = true
          workspace_id          = "11111111-1111-1111-1111-111111111111"
          workspace_region      = "westeurope"
          workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law"
          interval_in_minutes   = 10
        }
      }
    EOT
  }
}
