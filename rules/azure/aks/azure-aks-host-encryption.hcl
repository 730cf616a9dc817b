rule "azure-aks-host-encryption" {
  title     = "AKS node pool does not encrypt at host (temp disks and disk caches unencrypted)"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"]
  aliases   = ["CKV_AZURE_227"]

  description = <<-EOT
    Server-side encryption of managed disks covers the OS and data disks as stored, but not the
    node's temporary disk, the disk caches on the host or the data flowing between the host and
    storage. On AKS nodes the temporary disk holds container images, `emptyDir` volumes and logs,
    which often contain secrets and application data. Host encryption extends encryption to those.
    Encrypting the customer's node data is part of the customer's side of the managed cluster.

    The rule reads `host_encryption_enabled` (azurerm v4 and later) or `enable_host_encryption`
    (v3) of the cluster's `default_node_pool` and of each `azurerm_kubernetes_cluster_node_pool`;
    both default to `false`. The subscription needs the `EncryptionAtHost` feature registered.
    Severity is low: a defence-in-depth layer below Azure's own physical controls.
  EOT
  remediation = "Set `host_encryption_enabled = true` (azurerm v3: `enable_host_encryption = true`) on the default node pool and on every node pool (the node pool is recreated; set `temporary_name_for_rotation` for the default pool)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#host_encryption_enabled",
    "https://learn.microsoft.com/en-us/azure/aks/enable-host-encryption",
  ]

  assert {
    any {
      attribute "default_node_pool.host_encryption_enabled" {
        equals = true
      }
      attribute "default_node_pool.enable_host_encryption" {
        equals = true
      }
      # azurerm_kubernetes_cluster_node_pool
      attribute "host_encryption_enabled" {
        equals = true
      }
      attribute "enable_host_encryption" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "app" {
        name                = "aks-app"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks-app"

        default_node_pool {  # expect: azure-aks-host-encryption
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
      resource "azurerm_kubernetes_cluster" "app" {
        name                = "aks-app"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks-app"

        default_node_pool {
          name                    = "system"
          node_count              = 3
          vm_size                 = "Standard_D4s_v5"
          host_encryption_enabled = true
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
      resource "azurerm_kubernetes_cluster" "app" {
        name                = "aks-app"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks-app"

        default_node_pool {
          name                   = "system"
          node_count             = 3
          vm_size                = "Standard_D4s_v5"
          enable_host_encryption = true
        }

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster_node_pool" "batch" {  # expect: azure-aks-host-encryption
        name                  = "batch"
        kubernetes_cluster_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-app"
        vm_size               = "Standard_D8s_v5"
        node_count            = 2
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster_node_pool" "batch" {
        name                    = "batch"
        kubernetes_cluster_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-app"
        vm_size                 = "Standard_D8s_v5"
        node_count              = 2
        host_encryption_enabled = true
      }
    EOT
  }
}
