rule "azure-servicebus-min-tls-version" {
  title     = "Service Bus namespace accepts TLS versions older than 1.2"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_servicebus_namespace"]
  aliases   = ["CKV_AZURE_205"]

  description = <<-EOT
    TLS 1.0 and 1.1 have known weaknesses and are being retired across Azure; a namespace that accepts them lets clients send messages and SAS tokens over broken protocols. The TLS floor is a customer setting.

    `minimum_tls_version` defaults to `"1.2"`, so only an explicit `"1.0"` or `"1.1"` is reported.
  EOT
  remediation = "Set `minimum_tls_version = \"1.2\"` (or remove the argument)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace#minimum_tls_version",
    "https://learn.microsoft.com/en-us/azure/service-bus-messaging/transport-layer-security-enforce-minimum-version",
  ]

  assert {
    attribute "minimum_tls_version" {
      not_one_of = ["1.0", "1.1"]
      default = "1.2"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "app" {
        name                = "sbns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Premium"
        capacity            = 1
        premium_messaging_partitions = 1
        minimum_tls_version = "1.1"  # expect: azure-servicebus-min-tls-version
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "app" {
        name                = "sbns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Premium"
        capacity            = 1
        premium_messaging_partitions = 1
        minimum_tls_version = "1.2"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = string
      }

      resource "azurerm_servicebus_namespace" "app" {
        name                = "sbns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Premium"
        capacity            = 1
        premium_messaging_partitions = 1
        minimum_tls_version = var.setting
      }
    EOT
  }
}
