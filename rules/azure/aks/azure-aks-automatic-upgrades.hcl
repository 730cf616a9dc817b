rule "azure-aks-automatic-upgrades" {
  title     = "AKS cluster has no automatic upgrade channel"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_171"]

  description = <<-EOT
    Kubernetes minor versions leave support after about a year, and patch releases fix security
    vulnerabilities in the API server and kubelet. Without an automatic upgrade channel the cluster
    stays on whatever version it was created with until someone upgrades it by hand. Microsoft
    publishes the versions; applying them to the cluster is the customer's side.

    The argument is `automatic_upgrade_channel` in azurerm v4 and `automatic_channel_upgrade` in
    v3; neither has a default (no automatic upgrades). The rule passes with `patch`, `stable`,
    `rapid` or `node-image` under either name. Severity is low: hygiene that keeps known
    vulnerabilities from accumulating.
  EOT
  remediation = "Set `automatic_upgrade_channel = \"patch\"` (or `\"stable\"`; `automatic_channel_upgrade` on azurerm v3) and a `maintenance_window_auto_upgrade` that suits the workload."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#automatic_upgrade_channel",
    "https://learn.microsoft.com/en-us/azure/aks/auto-upgrade-cluster",
  ]

  assert {
    any {
      attribute "automatic_upgrade_channel" {
        one_of = ["patch", "stable", "rapid", "node-image"]
      }
      attribute "automatic_channel_upgrade" {
        one_of = ["patch", "stable", "rapid", "node-image"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {  # expect: azure-aks-automatic-upgrades
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

  example "good" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {
        name                      = "aks-apps"
        location                  = "westeurope"
        resource_group_name       = "rg-aks"
        dns_prefix                = "aksapps"
        automatic_upgrade_channel = "patch"

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

  example "good" {
    code = <<-EOT
      # azurerm v3 spelling
      resource "azurerm_kubernetes_cluster" "apps" {
        name                      = "aks-apps"
        location                  = "westeurope"
        resource_group_name       = "rg-aks"
        dns_prefix                = "aksapps"
        automatic_channel_upgrade = "stable"

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
}
