rule "azure-aks-node-public-ip" {
  title     = "AKS node pool gives its nodes public IP addresses"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"]
  aliases   = ["CKV_AZURE_143"]

  description = <<-EOT
    With node public IPs enabled every node VM gets its own internet-routable address, so kubelet,
    NodePort services and anything else listening on the node are one network security group mistake
    away from the internet, and egress no longer goes through a controlled NAT or firewall. Node
    networking is the customer's part of the AKS shared responsibility model.

    The argument was renamed in azurerm v4: `enable_node_public_ip` (v3) became
    `node_public_ip_enabled`, both on `default_node_pool` of `azurerm_kubernetes_cluster` and on
    `azurerm_kubernetes_cluster_node_pool`. Both names are checked; public IPs are off when unset.
  EOT
  remediation = "Remove `node_public_ip_enabled` / `enable_node_public_ip` (or set it to `false`) and publish workloads through a load balancer or ingress instead."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#node_public_ip_enabled",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster_node_pool#node_public_ip_enabled",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/4.0-upgrade-guide",
  ]

  assert {
    any {
      attribute "default_node_pool.node_public_ip_enabled" {
        present = false
      }
      attribute "default_node_pool.node_public_ip_enabled" {
        equals = false
      }
    }
    any {
      attribute "default_node_pool.enable_node_public_ip" {
        present = false
      }
      attribute "default_node_pool.enable_node_public_ip" {
        equals = false
      }
    }
    any {
      attribute "node_public_ip_enabled" {
        present = false
      }
      attribute "node_public_ip_enabled" {
        equals = false
      }
    }
    any {
      attribute "enable_node_public_ip" {
        present = false
      }
      attribute "enable_node_public_ip" {
        equals = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "prod" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aksprod"

        default_node_pool {
          name                   = "system"
          node_count             = 3
          vm_size                = "Standard_D4s_v5"
          node_public_ip_enabled = true  # expect: azure-aks-node-public-ip
        }

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # azurerm v3 spelling
      resource "azurerm_kubernetes_cluster_node_pool" "edge" {
        name                  = "edge"
        kubernetes_cluster_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-prod"
        vm_size               = "Standard_D4s_v5"
        node_count            = 2
        enable_node_public_ip = true  # expect: azure-aks-node-public-ip
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "prod" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aksprod"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }
      }

      resource "azurerm_kubernetes_cluster_node_pool" "work" {
        name                   = "work"
        kubernetes_cluster_id  = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-prod"
        vm_size                = "Standard_D4s_v5"
        node_count             = 2
        node_public_ip_enabled = false
      }
    EOT
  }
}
