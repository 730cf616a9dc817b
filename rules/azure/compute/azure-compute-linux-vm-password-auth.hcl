rule "azure-compute-linux-vm-password-auth" {
  title     = "Linux virtual machine allows SSH password authentication"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "azurerm_linux_virtual_machine",
    "azurerm_linux_virtual_machine_scale_set",
    "azurerm_virtual_machine",
  ]
  aliases = ["CKV_AZURE_149", "CKV_AZURE_1", "CKV_AZURE_49", "AVD-AZU-0039", "azure-compute-disable-password-authentication"]

  description = <<-EOT
    A Linux VM that accepts password logins can be brute-forced or password-sprayed by anyone who can
    reach its SSH port, and a reused or leaked password is enough to get in. SSH keys (or Entra ID
    login) remove that class of attack. In IaaS the guest operating system and how administrators
    authenticate to it are entirely the customer's responsibility.

    `disable_password_authentication` defaults to `true` on `azurerm_linux_virtual_machine` and
    `azurerm_linux_virtual_machine_scale_set`, so only an explicit `false` is reported. On the legacy
    `azurerm_virtual_machine` it is a required argument of the `os_profile_linux_config` block.
  EOT
  remediation = "Remove `disable_password_authentication = false` (and `admin_password`), and give administrators access with `admin_ssh_key` blocks or Entra ID login instead."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine#disable_password_authentication",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine_scale_set#disable_password_authentication",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine#disable_password_authentication",
  ]

  assert {
    attribute "disable_password_authentication" {
      equals  = true
      default = true
    }
    any {
      attribute "os_profile_linux_config.disable_password_authentication" {
        present = false
      }
      attribute "os_profile_linux_config.disable_password_authentication" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_virtual_machine" "jump" {
        name                            = "vm-jump"
        resource_group_name             = "rg-vm"
        location                        = "westeurope"
        size                            = "Standard_B2s"
        admin_username                  = "azureuser"
        admin_password                  = "Example-Passw0rd!"
        disable_password_authentication = false  # expect: azure-compute-linux-vm-password-auth
        network_interface_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-jump"]

        os_disk {
          caching              = "ReadWrite"
          storage_account_type = "Standard_LRS"
        }

        source_image_reference {
          publisher = "Canonical"
          offer     = "0001-com-ubuntu-server-jammy"
          sku       = "22_04-lts"
          version   = "latest"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_virtual_machine" "jump" {
        name                  = "vm-jump"
        resource_group_name   = "rg-vm"
        location              = "westeurope"
        size                  = "Standard_B2s"
        admin_username        = "azureuser"
        network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vm/providers/Microsoft.Network/networkInterfaces/nic-jump"]

        admin_ssh_key {
          username   = "azureuser"
          public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForDocumentation admin@example"
        }

        os_disk {
          caching              = "ReadWrite"
          storage_account_type = "Standard_LRS"
        }

        source_image_reference {
          publisher = "Canonical"
          offer     = "0001-com-ubuntu-server-jammy"
          sku       = "22_04-lts"
          version   = "latest"
        }
      }
    EOT
  }
}
