rule "azure-aks-network-policy" {
  title     = "AKS cluster has no network policy engine"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_7", "AVD-AZU-0043", "azure-container-configured-network-policy"]

  description = <<-EOT
    Without a network policy engine, Kubernetes `NetworkPolicy` objects are accepted but not
    enforced: every pod can reach every other pod in every namespace, so one compromised workload can
    talk to databases, internal APIs and the metadata of its neighbours. The engine (Azure, Calico or
    Cilium) is chosen when the cluster is created; writing and enforcing the policies is the
    customer's side of the managed Kubernetes model.

    `network_profile.network_policy` has no default: a cluster without it (or without a
    `network_profile` block) enforces no network policy. Severity is medium: missing segmentation
    inside the cluster is a lack of defence in depth.
  EOT
  remediation = "Set `network_profile { network_plugin = \"azure\"  network_policy = \"azure\" }` (or `\"calico\"` / `\"cilium\"`) and write `NetworkPolicy` objects that deny traffic by default."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#network_policy",
    "https://learn.microsoft.com/en-us/azure/aks/use-network-policies",
  ]

  assert {
    attribute "network_profile.network_policy" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {  # expect: azure-aks-network-policy
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

        network_profile {  # expect: azure-aks-network-policy
          network_plugin = "azure"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
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

        network_profile {
          network_plugin = "azure"
          network_policy = "calico"
        }
      }
    EOT
  }
}
