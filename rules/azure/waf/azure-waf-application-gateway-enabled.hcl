rule "azure-waf-application-gateway-enabled" {
  title     = "Application Gateway has no web application firewall"
  severity  = "medium"
  area      = "application-workload"
  resources = ["azurerm_application_gateway"]
  aliases   = ["CKV_AZURE_120"]

  description = <<-EOT
    An Application Gateway usually fronts public web applications. Without a web application
    firewall, SQL injection, cross-site scripting, known-CVE exploit payloads and bot traffic reach the
    backends unfiltered. Azure provides the WAF engine and managed rule sets; attaching and enabling
    one is the customer's configuration.

    The gateway is compliant with `firewall_policy_id` set (a WAF policy) or with an inline
    `waf_configuration` block whose `enabled = true` (the inline form is legacy). Only the `WAF_v2`
    (and legacy `WAF`) SKUs can run a WAF; a `Standard_v2` gateway is reported too, since the fix is
    to move it to a WAF SKU or put a WAF in front of it.
  EOT
  remediation = "Use `sku { name = \"WAF_v2\"  tier = \"WAF_v2\" }` and set `firewall_policy_id` to an `azurerm_web_application_firewall_policy` in Prevention mode."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway#firewall_policy_id",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway#waf_configuration",
    "https://learn.microsoft.com/en-us/azure/web-application-firewall/ag/ag-overview",
  ]

  assert {
    any {
      attribute "firewall_policy_id" {
        present = true
      }
      attribute "waf_configuration.enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_application_gateway" "web" {  # expect: azure-waf-application-gateway-enabled
        name                = "agw-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        sku {
          name     = "Standard_v2"
          tier     = "Standard_v2"
          capacity = 2
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_application_gateway" "web" {
        name                = "agw-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        sku {
          name     = "WAF_v2"
          tier     = "WAF_v2"
          capacity = 2
        }

        waf_configuration {
          enabled          = false  # expect: azure-waf-application-gateway-enabled
          firewall_mode    = "Prevention"
          rule_set_version = "3.2"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_web_application_firewall_policy" "web" {
        name                = "wafp-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        managed_rules {
          managed_rule_set {
            type    = "OWASP"
            version = "3.2"
          }
        }
      }

      resource "azurerm_application_gateway" "web" {
        name                = "agw-web"
        resource_group_name = "rg-web"
        location            = "westeurope"
        firewall_policy_id  = azurerm_web_application_firewall_policy.web.id

        sku {
          name     = "WAF_v2"
          tier     = "WAF_v2"
          capacity = 2
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_application_gateway" "web" {
        name                = "agw-web"
        resource_group_name = "rg-web"
        location            = "westeurope"

        sku {
          name     = "WAF_v2"
          tier     = "WAF_v2"
          capacity = 2
        }

        waf_configuration {
          enabled          = true
          firewall_mode    = "Prevention"
          rule_set_version = "3.2"
        }
      }
    EOT
  }
}
