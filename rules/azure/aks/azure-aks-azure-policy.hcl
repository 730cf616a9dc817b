rule "azure-aks-azure-policy" {
  title     = "AKS cluster does not run the Azure Policy add-on"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_116", "AVD-AZU-0066", "azure-container-enable-azure-policy-addon"]

  description = <<-EOT
    The Azure Policy add-on (Gatekeeper) enforces admission policies such as "no privileged
    containers" or "images only from our registry" on every workload, and reports violations to
    Azure Policy. Without it nothing stops a deployment from running pods that break the
    organisation's baseline. What runs in the cluster is the customer's responsibility.

    azurerm v3 and later use `azure_policy_enabled` (no default: off unless set); azurerm v2 used
    `addon_profile.azure_policy.enabled`. Either enabled satisfies the rule. Severity is low:
    admission control is governance on top of the cluster's own access control.
  EOT
  remediation = "Set `azure_policy_enabled = true` (azurerm v3+) or `addon_profile { azure_policy { enabled = true } }` (azurerm v2), and assign the Kubernetes policy initiatives to the cluster."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#azure_policy_enabled",
    "https://learn.microsoft.com/en-us/azure/governance/policy/concepts/policy-for-kubernetes",
  ]

  assert {
    any {
      attribute "azure_policy_enabled" {
        equals = true
      }
      attribute "addon_profile.azure_policy.enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {  # expect: azure-aks-azure-policy
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
        name                 = "aks-apps"
        location             = "westeurope"
        resource_group_name  = "rg-aks"
        dns_prefix           = "aksapps"
        azure_policy_enabled = false  # expect: azure-aks-azure-policy

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
        name                 = "aks-apps"
        location             = "westeurope"
        resource_group_name  = "rg-aks"
        dns_prefix           = "aksapps"
        azure_policy_enabled = true

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
      # azurerm v2 form
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
          azure_policy {
            enabled = true
          }
        }
      }
    EOT
  }
}
