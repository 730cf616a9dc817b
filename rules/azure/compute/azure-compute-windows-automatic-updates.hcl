rule "azure-compute-windows-automatic-updates" {
  title     = "Windows virtual machine has automatic updates switched off"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_windows_virtual_machine", "azurerm_windows_virtual_machine_scale_set"]
  aliases   = ["CKV_AZURE_177"]

  description = <<-EOT
    With Windows Update switched off in the guest, security patches are applied only when someone
    remembers to; exploited vulnerabilities in Windows services stay open for months. In IaaS the
    guest operating system, and its patching, are entirely the customer's.

    The argument is `automatic_updates_enabled` in azurerm v4 and `enable_automatic_updates` in
    v3; both default to `true`, so only an explicit `false` under either name is reported. A VM
    patched by another mechanism (Azure Update Manager with `patch_mode = "AutomaticByPlatform"`
    still needs automatic updates on) can suppress the rule.
  EOT
  remediation = "Remove `automatic_updates_enabled = false` / `enable_automatic_updates = false`, and set `patch_mode = \"AutomaticByPlatform\"` to let Azure orchestrate patching."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_virtual_machine#automatic_updates_enabled",
    "https://learn.microsoft.com/en-us/azure/virtual-machines/automatic-vm-guest-patching",
  ]

  assert {
    attribute "automatic_updates_enabled" {
      equals  = true
      default = true
    }
    attribute "enable_automatic_updates" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      variable "admin_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_windows_virtual_machine" "app" {
        name                      = "vm-app"
        resource_group_name       = "rg-vm"
        location                  = "westeurope"
        size                      = "Standard_D2s_v5"
        admin_username            = "azureadmin"
        admin_password            = var.admin_password
        automatic_updates_enabled = false  # expect: azure-compute-windows-automatic-updates
        network_interface_ids     = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-app"]

        os_disk {
          caching              = "ReadWrite"
          storage_account_type = "Premium_LRS"
        }

        source_image_reference {
          publisher = "MicrosoftWindowsServer"
          offer     = "WindowsServer"
          sku       = "2022-datacenter-azure-edition"
          version   = "latest"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # azurerm v3 spelling
      variable "admin_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_windows_virtual_machine_scale_set" "workers" {
        name                     = "vmss-workers"
        resource_group_name      = "rg-vm"
        location                 = "westeurope"
        sku                      = "Standard_D2s_v5"
        instances                = 2
        admin_username           = "azureadmin"
        admin_password           = var.admin_password
        enable_automatic_updates = false  # expect: azure-compute-windows-automatic-updates

        os_disk {
          caching              = "ReadWrite"
          storage_account_type = "Premium_LRS"
        }

        source_image_reference {
          publisher = "MicrosoftWindowsServer"
          offer     = "WindowsServer"
          sku       = "2022-datacenter-azure-edition"
          version   = "latest"
        }

        network_interface {
          name    = "nic"
          primary = true

          ip_configuration {
            name      = "internal"
            primary   = true
            subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "admin_password" {
        type      = string
        sensitive = true
      }

      resource "azurerm_windows_virtual_machine" "app" {
        name                  = "vm-app"
        resource_group_name   = "rg-vm"
        location              = "westeurope"
        size                  = "Standard_D2s_v5"
        admin_username        = "azureadmin"
        admin_password        = var.admin_password
        patch_mode            = "AutomaticByPlatform"
        network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-app"]

        os_disk {
          caching              = "ReadWrite"
          storage_account_type = "Premium_LRS"
        }

        source_image_reference {
          publisher = "MicrosoftWindowsServer"
          offer     = "WindowsServer"
          sku       = "2022-datacenter-azure-edition"
          version   = "latest"
        }
      }
    EOT
  }
}
