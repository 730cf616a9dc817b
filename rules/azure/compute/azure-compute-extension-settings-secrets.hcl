rule "azure-compute-extension-settings-secrets" {
  title     = "VM extension passes a password or key in public settings instead of protected settings"
  severity  = "high"
  area      = "application-workload"
  resources = [
    "azurerm_virtual_machine_extension",
    "azurerm_virtual_machine_scale_set_extension",
    "azurerm_linux_virtual_machine_scale_set",
    "azurerm_windows_virtual_machine_scale_set",
  ]

  description = <<-EOT
    A VM extension has two settings documents. `settings` is stored and returned in plain text:
    anyone with read access to the VM (the Reader role, `az vm extension show`, the activity log,
    the Terraform state) can read it, and it is written unencrypted to the guest. Only
    `protected_settings` is encrypted for the guest and never returned by the API. A password,
    storage account key, SAS token or connection string in `settings` is therefore disclosed to
    every reader of the subscription. What the customer puts into an extension is the customer's
    side of IaaS.

    The rule reads `settings` of `azurerm_virtual_machine_extension`,
    `azurerm_virtual_machine_scale_set_extension` and the inline `extension` blocks of the scale
    set resources, in the `jsonencode(...)` and the heredoc form, and reports a JSON key that
    names a credential (password, pwd, client secret, account or storage key, SAS token,
    connection string, shared access key) with a literal string value. A value known only after
    apply (`azurerm_storage_account.x.primary_access_key`) makes the whole document unknown to the
    scan and is not reported; move it to `protected_settings` all the same. Severity is high: a
    standing credential readable by anyone with read access.
  EOT
  remediation = "Move the credential into `protected_settings` (same JSON shape) and keep only non-secret values in `settings`; better, let the extension use the VM's managed identity."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine_extension#protected_settings",
    "https://learn.microsoft.com/en-us/azure/virtual-machines/extensions/custom-script-linux#extension-schema",
  ]

  assert {
    attribute "settings" {
      not_matches = "(?i)\"[^\"]*(password|passwd|pwd|clientsecret|client_secret|accountkey|account_key|storagekey|storage_key|sastoken|sas_token|connectionstring|connection_string|sharedaccesskey)[^\"]*\"\\s*:\\s*\"[^\"]+\""
      default     = ""
    }
    attribute "extension.settings" {
      not_matches = "(?i)\"[^\"]*(password|passwd|pwd|clientsecret|client_secret|accountkey|account_key|storagekey|storage_key|sastoken|sas_token|connectionstring|connection_string|sharedaccesskey)[^\"]*\"\\s*:\\s*\"[^\"]+\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_virtual_machine_extension" "bootstrap" {
        name                 = "bootstrap"
        virtual_machine_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app"
        publisher            = "Microsoft.Azure.Extensions"
        type                 = "CustomScript"
        type_handler_version = "2.1"

        settings = jsonencode({  # expect: azure-compute-extension-settings-secrets
          fileUris          = ["https://stapp.blob.core.windows.net/scripts/setup.sh"]
          storageAccountKey = "c2VjcmV0LWtleS12YWx1ZS1ub3QtcmVhbA=="
          commandToExecute  = "sh setup.sh"
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_virtual_machine_scale_set_extension" "domain_join" {
        name                         = "domain-join"
        virtual_machine_scale_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachineScaleSets/web"
        publisher                    = "Microsoft.Compute"
        type                         = "JsonADDomainExtension"
        type_handler_version         = "1.3"

        settings = <<SETTINGS
          {
            "Name": "corp.example.com",
            "User": "corp\\joiner",
            "Password": "not-a-real-password"
          }
        SETTINGS
      }
    EOT
    lines = [8]
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_virtual_machine_scale_set" "web" {
        name                = "vmss-web"
        resource_group_name = "rg-app"
        location            = "westeurope"
        sku                 = "Standard_B2s"
        instances           = 2
        admin_username      = "azureuser"

        admin_ssh_key {
          username   = "azureuser"
          public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly"
        }

        source_image_reference {
          publisher = "Canonical"
          offer     = "ubuntu-24_04-lts"
          sku       = "server"
          version   = "latest"
        }

        os_disk {
          storage_account_type = "Standard_LRS"
          caching              = "ReadWrite"
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

        extension {
          name                 = "agent"
          publisher            = "Microsoft.Azure.Extensions"
          type                 = "CustomScript"
          type_handler_version = "2.1"
          settings             = jsonencode({ commandToExecute = "install.sh", connectionString = "Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKey=notreal" })  # expect: azure-compute-extension-settings-secrets
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_virtual_machine_extension" "bootstrap" {
        name                 = "bootstrap"
        virtual_machine_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app"
        publisher            = "Microsoft.Azure.Extensions"
        type                 = "CustomScript"
        type_handler_version = "2.1"

        settings = jsonencode({
          fileUris         = ["https://stapp.blob.core.windows.net/scripts/setup.sh"]
          commandToExecute = "sh setup.sh"
        })

        protected_settings = jsonencode({
          storageAccountName = "stapp"
          storageAccountKey  = "c2VjcmV0LWtleS12YWx1ZS1ub3QtcmVhbA=="
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_virtual_machine_extension" "monitor" {
        name                 = "AzureMonitorLinuxAgent"
        virtual_machine_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app"
        publisher            = "Microsoft.Azure.Monitor"
        type                 = "AzureMonitorLinuxAgent"
        type_handler_version = "1.0"
      }
    EOT
  }
}
