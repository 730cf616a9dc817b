rule "azure-aks-monitoring" {
  title     = "AKS cluster does not send container logs to Azure Monitor"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_4", "AVD-AZU-0040", "azure-container-logging"]

  description = <<-EOT
    Container insights (the OMS agent) collects container logs, Kubernetes events and node metrics
    into a Log Analytics workspace. Without it, evidence of a compromised pod, a crypto-miner or a
    failing deployment lives only on the nodes and disappears with them. Monitoring the workloads is
    the customer's side of managed Kubernetes.

    azurerm v3 and later configure it with an `oms_agent` block (with `log_analytics_workspace_id`);
    azurerm v2 used `addon_profile { oms_agent { enabled = true ... } }`. Either satisfies the rule;
    neither is present by default. Severity is medium: a detection and forensics control.
  EOT
  remediation = "Add `oms_agent { log_analytics_workspace_id = azurerm_log_analytics_workspace.x.id }` (azurerm v3+) or `addon_profile { oms_agent { enabled = true  log_analytics_workspace_id = ... } }` (azurerm v2)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#oms_agent",
    "https://learn.microsoft.com/en-us/azure/azure-monitor/containers/container-insights-overview",
  ]

  assert {
    any {
      attribute "oms_agent.log_analytics_workspace_id" {
        present = true
      }
      attribute "addon_profile.oms_agent.enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {  # expect: azure-aks-monitoring
        name                = "aks-apps"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aksapps"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # azurerm v2 form, agent switched off
      resource "azurerm_kubernetes_cluster" "legacy" {
        name                = "aks-legacy"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "akslegacy"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        addon_profile {
          oms_agent {
            enabled = false  # expect: azure-aks-monitoring
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_log_analytics_workspace" "aks" {
        name                = "law-aks"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        retention_in_days   = 90
      }

      resource "azurerm_kubernetes_cluster" "apps" {
        name                = "aks-apps"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aksapps"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        oms_agent {
          log_analytics_workspace_id = azurerm_log_analytics_workspace.aks.id
        }
      }
    EOT
  }
}
